// A facility's whole profile, read-only (the regulator's review).
import type { ComponentChildren } from 'preact';
import type { Facility, FilingDocument } from '../../../api/registry';
import { regionLabel, useRegions } from '../../../components/region-names';
import { formatInteger, formatNumber } from '../../../i18n/format';
import { useConsoleI18n } from './console-text';

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function DocumentItem({ document }: { document: FilingDocument }) {
  const { t } = useConsoleI18n();
  const d = t.documents;
  const parts = [
    `${d.number} ${document.number}`,
    `${d.issuedOn} ${document.issuedOn}`,
    document.expiresOn ? `${d.expiresOn} ${document.expiresOn}` : null,
    document.type === 'legal_entity'
      ? `${d.scopeIncludesChildcare}: ${document.scopeIncludesChildcare ? t.facility.yes : t.facility.no}`
      : null,
    document.tenure ? `${d.tenure}: ${d.tenures[document.tenure]}` : null,
    document.leaseEndsOn ? `${d.leaseEndsOn} ${document.leaseEndsOn}` : null,
    document.rating ? `${d.rating}: ${d.ratings[document.rating]}` : null,
  ].filter(Boolean);
  return (
    <li>
      <strong>{d.types[document.type] ?? document.type}</strong>
      <span class="doc-list__details">{parts.join('；')}</span>
    </li>
  );
}

export function ProfileView({ facility }: { facility: Facility }) {
  const { lang, t } = useConsoleI18n();
  const regions = useRegions();
  const f = t.facility.fields;
  const yesNo = (value: boolean | undefined) => (value === undefined ? t.facility.none : value ? t.facility.yes : t.facility.no);
  const num = (value: number | undefined | null) => (value === undefined || value === null ? t.facility.none : formatNumber(value, lang));
  return (
    <section class="panel-section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t.console.tabs.profile}</h2>
      <dl class="profile">
        <Row label={f.name}>{facility.name}</Row>
        <Row label={f.creditCode}>{facility.creditCode ?? t.facility.none}</Row>
        <Row label={f.kind}>{facility.kind ? t.facility.kinds[facility.kind] : t.facility.none}</Row>
        <Row label={f.ownership}>{facility.ownership ? t.facility.ownerships[facility.ownership] : t.facility.none}</Row>
        <Row label={f.affordable}>{yesNo(facility.affordable)}</Row>
        <Row label={f.medicalIntegrated}>{yesNo(facility.medicalIntegrated)}</Row>
        <Row label={f.servesMeals}>{yesNo(facility.servesMeals)}</Row>
        <Row label={f.serviceTypes}>
          {(facility.serviceTypes ?? []).map((type) => t.facility.serviceTypes[type] ?? type).join('、') || t.facility.none}
        </Row>
        <Row label={f.address}>{facility.address ?? t.facility.none}</Row>
        <Row label={f.location}>{facility.location ? `${facility.location.lat}, ${facility.location.lng}` : t.facility.none}</Row>
        <Row label={f.regionCode}>{regionLabel(regions, facility.regionCode, lang) ?? t.facility.notInRegion}</Row>
        <Row label={f.floors}>{(facility.floors ?? []).join(', ') || t.facility.none}</Row>
        <Row label={f.indoorAreaM2}>{num(facility.indoorAreaM2)}</Row>
        <Row label={f.outdoorAreaM2}>{num(facility.outdoorAreaM2)}</Row>
        <Row label={f.exitCount}>{num(facility.exitCount)}</Row>
        <Row label={f.surveillance}>{yesNo(facility.surveillance)}</Row>
        <Row label={f.monthlyFee}>
          {facility.monthlyFee === undefined || facility.monthlyFee === null ? t.facility.none : formatInteger(facility.monthlyFee, lang)}
        </Row>
        <Row label={f.phone}>{facility.phone || t.facility.none}</Row>
        <Row label={f.openingHours}>{facility.openingHours || t.facility.none}</Row>
        <Row label={f.registrationNo}>{facility.registrationNo ?? t.facility.none}</Row>
      </dl>
      <h3>{t.documents.title}</h3>
      {(facility.documents ?? []).length === 0 ? (
        <p>{t.documents.empty}</p>
      ) : (
        <ul class="doc-list">
          {(facility.documents ?? []).map((document, index) => (
            <DocumentItem key={index} document={document} />
          ))}
        </ul>
      )}
    </section>
  );
}
