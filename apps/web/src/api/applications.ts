// Parents' applications and the operators' queues (API.md "Parents: applications and the waitlist").
import { apiRequest, type RequestOptions } from './client';

export const QUEUE_AGE_GROUPS = ['infant', 'toddler', 'preschool'] as const;
export type QueueAgeGroup = (typeof QUEUE_AGE_GROUPS)[number];
export type ApplicationStatus = 'waiting' | 'placed' | 'withdrawn';
export type ChoiceStatus = 'waiting' | 'offered' | 'placed' | 'declined' | 'expired' | 'withdrawn';
export type OfferStatus = 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface Offer {
  id: string;
  applicationId: string;
  facilityId: string;
  classId: string | null;
  className?: string;
  status: OfferStatus;
  expiresOn: string;
  createdAt: string;
  decidedAt: string | null;
}

export interface Choice {
  facilityId: string;
  facilityName: string;
  rank: number;
  position: number | null;
  status: ChoiceStatus;
}

export interface Application {
  id: string;
  status: ApplicationStatus;
  child: { label: string; birthMonth: string };
  startMonth: string;
  serviceType: string;
  ageGroup: QueueAgeGroup;
  ageMonths: number;
  choices: Choice[];
  offers: Offer[];
  createdAt: string;
  updatedAt: string;
}

export interface NewApplication {
  child: { label: string; birthMonth: string };
  startMonth: string;
  serviceType: string;
  choices: string[];
}

export async function createApplication(input: NewApplication, options: RequestOptions = {}): Promise<Application> {
  return (await apiRequest<Application>('POST', '/applications', { ...options, body: input })).data;
}

export async function listApplications(
  query: { facilityId?: string; ageGroup?: QueueAgeGroup; status?: ChoiceStatus; limit?: number; cursor?: string | null } = {},
  options: RequestOptions = {},
): Promise<{ items: Application[]; nextCursor: string | null }> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return (await apiRequest<{ items: Application[]; nextCursor: string | null }>('GET', `/applications${qs ? `?${qs}` : ''}`, options)).data;
}

export async function withdrawApplication(id: string, options: RequestOptions = {}): Promise<Application> {
  return (await apiRequest<Application>('POST', `/applications/${encodeURIComponent(id)}/withdraw`, options)).data;
}

export async function offerPlace(
  applicationId: string,
  input: { facilityId: string; classId: string; expiresOn: string },
  options: RequestOptions = {},
): Promise<Offer> {
  return (await apiRequest<Offer>('POST', `/applications/${encodeURIComponent(applicationId)}/offers`, { ...options, body: input })).data;
}

export async function decideOffer(
  offerId: string,
  decision: 'accept' | 'decline',
  options: RequestOptions = {},
): Promise<Offer & { application: Application }> {
  return (await apiRequest<Offer & { application: Application }>('POST', `/offers/${encodeURIComponent(offerId)}/${decision}`, options))
    .data;
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
