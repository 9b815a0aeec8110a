// The filing documents: one row per certificate (add and remove rows); the fields of a row follow
// its type (scope for the legal entity, tenure and lease for premises, the rating of the health
// evaluation).
import { DOCUMENT_TYPES, RATINGS, TENURES, type DocumentType } from '../../../api/registry';
import { CheckboxField, SelectField, TextField } from '../../../components/fields';
import { messagesFor, type FieldErrors } from '../../../forms/field-errors';
import { useConsoleI18n } from '../shared/console-text';
import { emptyDocumentRow, type DocumentRow } from './facility-form-model';

export interface DocumentsEditorProps {
  idPrefix: string;
  rows: DocumentRow[];
  onChange: (rows: DocumentRow[]) => void;
  /** An input was edited (its API path), so its old messages can go. */
  onEdited: (path: string) => void;
  errors: FieldErrors;
  disabled?: boolean;
}

export function DocumentsEditor({ idPrefix, rows, onChange, onEdited, errors, disabled }: DocumentsEditorProps) {
  const { t } = useConsoleI18n();
  const d = t.documents;
  const update = (index: number, patch: Partial<DocumentRow>) => {
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    for (const field of Object.keys(patch)) onEdited(`documents.${index}.${field}`);
  };
  // Removing or adding a row renumbers the rows: their old messages no longer point at the right one.
  const replaceRows = (next: DocumentRow[]) => {
    onChange(next);
    onEdited('documents');
  };
  const typeOptions = DOCUMENT_TYPES.map((type) => ({ value: type, label: d.types[type] }));

  return (
    <div class="documents" id={`${idPrefix}-documents`} tabIndex={-1}>
      <p class="section-intro">{d.intro}</p>
      {(errors.documents ?? []).length > 0 && <p class="field__error">{errors.documents!.join('；')}</p>}
      {rows.length === 0 && <p>{d.empty}</p>}
      <ol class="row-list">
        {rows.map((row, index) => {
          const id = (field: string) => `${idPrefix}-documents-${index}-${field}`;
          const err = (field: string) => messagesFor(errors, `documents.${index}.${field}`);
          return (
            <li key={row.key} class="row-card">
              <fieldset class="row-card__fields" disabled={disabled}>
                <legend class="row-card__title">
                  {d.item(index + 1)}
                  {row.type ? `：${d.types[row.type]}` : ''}
                </legend>
                <div class="form-grid">
                  <SelectField<DocumentType>
                    id={id('type')}
                    label={d.type}
                    value={row.type}
                    options={typeOptions}
                    placeholder={t.facility.choose}
                    required
                    errors={err('type')}
                    onChange={(type) => update(index, { type })}
                  />
                  <TextField
                    id={id('number')}
                    label={d.number}
                    value={row.number}
                    required
                    errors={err('number')}
                    onInput={(number) => update(index, { number })}
                  />
                  <TextField
                    id={id('issuedOn')}
                    label={d.issuedOn}
                    type="date"
                    value={row.issuedOn}
                    required
                    errors={err('issuedOn')}
                    onInput={(issuedOn) => update(index, { issuedOn })}
                  />
                  <TextField
                    id={id('expiresOn')}
                    label={d.expiresOn}
                    type="date"
                    value={row.expiresOn}
                    errors={err('expiresOn')}
                    onInput={(expiresOn) => update(index, { expiresOn })}
                  />
                  {row.type === 'legal_entity' && (
                    <CheckboxField
                      id={id('scopeIncludesChildcare')}
                      label={d.scopeIncludesChildcare}
                      checked={row.scopeIncludesChildcare}
                      errors={err('scopeIncludesChildcare')}
                      onChange={(scopeIncludesChildcare) => update(index, { scopeIncludesChildcare })}
                    />
                  )}
                  {row.type === 'premises' && (
                    <SelectField
                      id={id('tenure')}
                      label={d.tenure}
                      value={row.tenure}
                      options={TENURES.map((tenure) => ({ value: tenure, label: d.tenures[tenure] }))}
                      placeholder={t.facility.choose}
                      required
                      errors={err('tenure')}
                      onChange={(tenure) => update(index, { tenure })}
                    />
                  )}
                  {row.type === 'premises' && row.tenure === 'leased' && (
                    <TextField
                      id={id('leaseEndsOn')}
                      label={d.leaseEndsOn}
                      type="date"
                      value={row.leaseEndsOn}
                      required
                      errors={err('leaseEndsOn')}
                      onInput={(leaseEndsOn) => update(index, { leaseEndsOn })}
                    />
                  )}
                  {row.type === 'health_evaluation' && (
                    <SelectField
                      id={id('rating')}
                      label={d.rating}
                      value={row.rating}
                      options={RATINGS.map((rating) => ({ value: rating, label: d.ratings[rating] }))}
                      placeholder={t.facility.choose}
                      required
                      errors={err('rating')}
                      onChange={(rating) => update(index, { rating })}
                    />
                  )}
                </div>
                <button
                  type="button"
                  class="button button--small button--danger-outline"
                  onClick={() => replaceRows(rows.filter((_, i) => i !== index))}
                >
                  {d.remove(index + 1)}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!disabled && (
        <button type="button" class="button button--secondary" onClick={() => replaceRows([...rows, emptyDocumentRow()])}>
          {d.add}
        </button>
      )}
    </div>
  );
}
