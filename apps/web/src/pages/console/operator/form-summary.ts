// The entries of a form's error summary: each field error with its field's label and a link to
// the input, then the errors that name no field.
import type { SummaryItem } from '../../../components/notice';
import { normaliseFieldPath, type FieldErrors } from '../../../forms/field-errors';

export function summaryItems(
  errors: FieldErrors,
  general: string[],
  idPrefix: string,
  labelOf: (path: string) => string | null,
  labelled: (label: string, message: string) => string,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const label = labelOf(path);
    const fieldId = `${idPrefix}-${normaliseFieldPath(path).replace(/\./g, '-')}`;
    for (const message of messages) items.push({ fieldId, text: label && !message.includes(label) ? labelled(label, message) : message });
  }
  for (const message of general) items.push({ text: message });
  return items;
}
