// A change filing side by side: each material field and class it touches, as registered (when filed) and as
// proposed. Values are shown in words (kinds, yes/no, floors), documents by type and number.
import type { ChangeFiling, ClassBefore, ClassChange } from '../../../api/changes';
import type { FilingDocument } from '../../../api/registry';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { useConsoleI18n, type ConsoleMessages } from './console-text';
import type { Lang } from '../../../i18n/language';
import { useChangesText } from './changes-text';

/** A field's value in words; `—` when there is none. */
export function fieldValueText(field: string, value: unknown, t: ConsoleMessages, lang: Lang): string {
  if (value === undefined || value === null || value === '') return t.facility.none;
  if (typeof value === 'boolean') return value ? t.facility.yes : t.facility.no;
  if (field === 'kind') return (t.facility.kinds as Record<string, string>)[String(value)] ?? String(value);
  if (field === 'ownership') return (t.facility.ownerships as Record<string, string>)[String(value)] ?? String(value);
  if (field === 'floors' && Array.isArray(value)) return value.join(', ');
  if (field === 'location' && typeof value === 'object') {
    const point = value as { lat?: number; lng?: number };
    return `${point.lat}, ${point.lng}`;
  }
  if (field === 'documents' && Array.isArray(value)) {
    return (value as FilingDocument[])
      .map(
        (d) => `${(t.documents.types as Record<string, string>)[d.type] ?? d.type} ${d.number}${d.expiresOn ? `（${d.expiresOn}）` : ''}`,
      )
      .join('；');
  }
  if (typeof value === 'number') return formatNumber(value, lang);
  return String(value);
}

function classText(c: Partial<ClassBefore> | ClassChange | undefined, t: ConsoleMessages): string {
  if (!c) return t.facility.none;
  const group = c.ageGroup ? t.classes.ageGroups[c.ageGroup] : null;
  return [c.name, group, c.places !== undefined ? `${t.classes.places} ${c.places}` : null].filter(Boolean).join(' · ');
}

export function ChangeDiff({ filing, idPrefix }: { filing: ChangeFiling; idPrefix: string }) {
  const { lang, t } = useConsoleI18n();
  const c = useChangesText();
  const labels = t.facility.fields as Record<string, string>;
  const before = filing.before.facility ?? {};
  const beforeClasses = filing.before.classes ?? [];
  const rows = Object.entries(filing.facility).map(([field, after]) => ({
    key: field,
    label: labels[field] ?? field,
    before: fieldValueText(field, (before as Record<string, unknown>)[field], t, lang),
    after: fieldValueText(field, after, t, lang),
  }));
  filing.classes.forEach((change, index) => {
    const old = change.classId ? beforeClasses.find((c) => c.id === change.classId) : undefined;
    const label = change.op === 'add' ? c.changes.classAdded : change.op === 'remove' ? c.changes.classRemoved : c.changes.classUpdated;
    rows.push({
      key: `class-${index}`,
      label,
      before: change.op === 'add' ? t.facility.none : classText(old, t),
      after: change.op === 'remove' ? t.facility.none : classText({ ...old, ...change }, t),
    });
  });
  return (
    <div class="change-diff">
      <table class="data-table change-diff__table" id={`${idPrefix}-diff`}>
        <caption class="visually-hidden">{c.changes.diffCaption(formatDateTime(filing.submittedAt, lang) ?? filing.submittedAt)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.changes.field}</th>
            <th scope="col">{c.changes.before}</th>
            <th scope="col">{c.changes.after}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-field={row.key}>
              <th scope="row">{row.label}</th>
              <td class="change-diff__before">{row.before}</td>
              <td class="change-diff__after">{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
