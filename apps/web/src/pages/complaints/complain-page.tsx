// Page `/complain`: complain about a facility (`?facilityId=`, from its public page) or report a provider at a place
// (a map pin, from the search page), anonymously. The answer is a receipt code and a link to follow it. Text is
// rendered as text (Preact escapes it); the phone goes to the API only.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import {
  COMPLAINT_CATEGORIES,
  submitComplaint,
  type ComplaintCategory,
  type ComplaintReceipt,
  type NewComplaint,
} from '../../api/complaints';
import { fetchPublicFacility } from '../../api/public';
import { AppHeader } from '../../components/app-header';
import { useDocumentTitle } from '../../components/document-title';
import { errorMessage } from '../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { LocationPicker } from '../../components/location-picker';
import { Notice } from '../../components/notice';
import { useAsync } from '../../components/use-async';
import { fieldErrorsOf, messagesFor, type FieldErrors } from '../../forms/field-errors';
import { parseNumber } from '../../forms/form-values';
import { useI18n } from '../../i18n/i18n';
import { Link, useSearchParam } from '../../router/router';
import { paths } from '../../router/routes';
import { searchHref } from '../search/links';
import { useComplaintText } from './messages';

export function ComplainPage() {
  const { lang, t } = useI18n();
  const c = useComplaintText();
  useDocumentTitle(`${c.complainTitle} · ${t.app.title}`);
  const facilityId = useSearchParam('facilityId');
  const facility = useAsync(
    async (signal) => (facilityId ? await fetchPublicFacility(facilityId, { lang, signal }) : null),
    `${facilityId ?? ''}:${lang}`,
  );
  const [category, setCategory] = useState<ComplaintCategory | ''>(facilityId ? '' : 'unregistered');
  const [description, setDescription] = useState('');
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [providerName, setProviderName] = useState('');
  const [address, setAddress] = useState('');
  const [contactName, setContactName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const local: FieldErrors = {};
    if (!category) local.category = [c.required];
    if (description.trim().length < 10) local.description = [c.descriptionHint];
    const point = { lat: parseNumber(lat), lng: parseNumber(lng) };
    if (!facilityId && (point.lat === null || point.lng === null)) local.location = [c.reportPlace];
    if (!facilityId && !providerName.trim() && !address.trim()) local.providerName = [c.addressHint];
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const body: NewComplaint = {
      category: category as ComplaintCategory,
      description,
      ...(facilityId
        ? { facilityId }
        : {
            location: { lat: point.lat!, lng: point.lng! },
            ...(providerName.trim() ? { providerName: providerName.trim() } : {}),
            ...(address.trim() ? { address: address.trim() } : {}),
          }),
      ...(contactName.trim() || phone.trim()
        ? { contact: { ...(contactName.trim() ? { name: contactName.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) } }
        : {}),
    };
    setBusy(true);
    try {
      setReceipt(await submitComplaint(body, lang));
    } catch (caught) {
      setErrors(caught instanceof ApiError ? fieldErrorsOf(caught.problem) : {});
      setFailure(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AppHeader linkHome={{ href: searchHref() }} />
      <main id="main" class="console-main complaint-public" tabIndex={-1}>
        <div class="page-heading">
          <h1 class="page-heading__title" data-page-heading tabIndex={-1}>
            {c.complainTitle}
          </h1>
        </div>
        {receipt ? (
          <Notice kind="success" id="complaint-receipt">
            <p>{c.submitted}</p>
            <p class="receipt-code" id="receipt-code">
              {receipt.receiptCode}
            </p>
            <p>
              <Link href={paths.followComplaint(receipt.receiptCode)}>{c.follow}</Link>
            </p>
          </Notice>
        ) : (
          <form class="card complaint-form" onSubmit={submit} noValidate>
            <p class="section-intro">{c.complainIntro}</p>
            {facilityId && facility.state.status === 'ready' && facility.state.value && (
              <p id="complaint-facility">{c.aboutFacility(facility.state.value.name)}</p>
            )}
            {failure && <Notice kind="error">{failure}</Notice>}
            {!facilityId && (
              <fieldset class="fieldset">
                <legend>{c.reportPlace}</legend>
                <LocationPicker
                  idPrefix="complaint"
                  lat={lat}
                  lng={lng}
                  onChange={(a, b) => {
                    setLat(a);
                    setLng(b);
                  }}
                  latErrors={messagesFor(errors, 'location')}
                />
                <TextField
                  id="complaint-provider"
                  label={c.providerName}
                  hint={c.providerNameHint}
                  value={providerName}
                  onInput={setProviderName}
                  maxLength={100}
                  errors={messagesFor(errors, 'providerName')}
                />
                <TextField
                  id="complaint-address"
                  label={c.address}
                  hint={c.addressHint}
                  value={address}
                  onInput={setAddress}
                  maxLength={200}
                  errors={messagesFor(errors, 'address')}
                />
              </fieldset>
            )}
            <SelectField
              id="complaint-category"
              label={c.category}
              required
              value={category}
              onChange={(v) => setCategory(v)}
              placeholder=""
              options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: c.categories[value] }))}
              errors={messagesFor(errors, 'category')}
            />
            <TextAreaField
              id="complaint-description"
              label={c.description}
              hint={c.descriptionHint}
              required
              rows={6}
              value={description}
              onInput={setDescription}
              errors={messagesFor(errors, 'description')}
            />
            <TextField id="complaint-contact-name" label={c.contactName} value={contactName} onInput={setContactName} maxLength={50} />
            <TextField
              id="complaint-contact-phone"
              label={c.contactPhone}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={phone}
              onInput={setPhone}
              errors={messagesFor(errors, 'contact')}
            />
            <button type="submit" class="button" id="complaint-submit" disabled={busy}>
              {c.submit}
            </button>
          </form>
        )}
        <p>
          <Link href={paths.followComplaint()}>{c.follow}</Link>
        </p>
      </main>
    </>
  );
}
