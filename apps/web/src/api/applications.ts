// Parents' applications and the operators' queues (docs/api.md "Parents: applications and the waitlist").
// The types are the OpenAPI document's (contract.gen.ts).
import { apiRequest, type RequestOptions } from './client';
import { queryString } from './query';
import type { Page } from './registry';
import type {
  AcceptedOfferView,
  ApplicationView,
  ChoiceView,
  CreateApplicationDto,
  CreateOfferDto,
  OfferView,
  QueryOf,
} from './contract.gen';

// The vocabularies (and their labels) are defined once, in libs/standards.
export { QUEUE_AGE_GROUPS } from '@lib/standards';
export type { ApplicationStatus, ChoiceStatus, OfferStatus, QueueAgeGroup } from '@lib/standards';

export type Offer = OfferView;
export type Choice = ChoiceView;
export type Application = ApplicationView;
export type NewApplication = CreateApplicationDto;

type ApplicationParameters = QueryOf<'GET /api/v1/applications'>;

export async function createApplication(input: NewApplication, options: RequestOptions = {}): Promise<Application> {
  return (await apiRequest<Application>('POST', '/applications', { ...options, body: input })).data;
}

export async function listApplications(
  query: Omit<ApplicationParameters, 'cursor'> & { cursor?: string | null } = {},
  options: RequestOptions = {},
): Promise<Page<Application>> {
  return (await apiRequest<Page<Application>>('GET', `/applications${queryString(query)}`, options)).data;
}

export async function withdrawApplication(id: string, options: RequestOptions = {}): Promise<Application> {
  return (await apiRequest<Application>('POST', `/applications/${encodeURIComponent(id)}/withdraw`, options)).data;
}

export async function offerPlace(applicationId: string, input: CreateOfferDto, options: RequestOptions = {}): Promise<Offer> {
  return (await apiRequest<Offer>('POST', `/applications/${encodeURIComponent(applicationId)}/offers`, { ...options, body: input })).data;
}

export async function decideOffer(
  offerId: string,
  decision: 'accept' | 'decline',
  options: RequestOptions = {},
): Promise<AcceptedOfferView> {
  return (await apiRequest<AcceptedOfferView>('POST', `/offers/${encodeURIComponent(offerId)}/${decision}`, options)).data;
}

/** `YYYY-MM` of the month `n` months from now (local time). */
export function monthFromNow(n: number): string {
  const d = new Date();
  const total = d.getFullYear() * 12 + d.getMonth() + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` `n` days from today (local time). */
export function dayFromNow(n: number): string {
  const d = new Date(Date.now() + n * 86400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
