// One checklist item in the inspection form: its text (the group's name), severity and rule, the
// pass / fail / n.a. choice as big segmented buttons (native radio inputs, so arrow keys and screen
// readers work as for any radio group), and a note when it fails.
import type { ChecklistItem, ItemResult } from '../../../api/inspections';
import { ITEM_RESULTS } from '../../../api/inspections';
import { TextAreaField } from '../../../components/fields';
import { useI18n } from '../../../i18n/i18n';
import { SeverityBadge } from './badges';
import { NOTE_MAX, type DraftAnswer } from './inspection-draft';

export interface ChecklistQuestionProps {
  item: ChecklistItem;
  answer: DraftAnswer | undefined;
  onChange: (change: Partial<DraftAnswer>) => void;
  disabled?: boolean;
  errors?: string[] | undefined;
}

export function ChecklistQuestion({ item, answer, onChange, disabled, errors }: ChecklistQuestionProps) {
  const { lang, t } = useI18n();
  const id = `item-${item.code}`;
  const text = lang === 'en' ? item.textEn || item.text : item.text;
  const invalid = Boolean(errors?.length);
  return (
    <li class={`question${answer ? ` question--${answer.result}` : ''}${invalid ? ' question--invalid' : ''}`} data-code={item.code}>
      <fieldset class="question__fieldset" id={id} tabIndex={-1} aria-describedby={`${id}-meta${invalid ? ` ${id}-error` : ''}`}>
        <legend class="question__text">{text}</legend>
        <p class="question__meta" id={`${id}-meta`}>
          <SeverityBadge severity={item.severity} />
          <span class="question__code">{item.code}</span>
          <span class="question__rule">{t.inspections.rule(item.rule)}</span>
        </p>
        <div class="segmented">
          {ITEM_RESULTS.map((result: ItemResult) => (
            <label key={result} class={`segmented__option segmented__option--${result}`}>
              <input
                type="radio"
                class="segmented__input"
                name={id}
                value={result}
                checked={answer?.result === result}
                disabled={disabled}
                onChange={() => onChange({ result })}
              />
              <span class="segmented__label">{t.inspections.results[result]}</span>
            </label>
          ))}
        </div>
        {invalid && (
          <p class="field__error" id={`${id}-error`}>
            {errors!.join('；')}
          </p>
        )}
        {answer?.result === 'fail' && (
          <TextAreaField
            id={`${id}-note`}
            class="question__note"
            label={t.inspections.note}
            value={answer.note}
            rows={2}
            disabled={disabled}
            onInput={(note) => onChange({ note: note.slice(0, NOTE_MAX) })}
          />
        )}
      </fieldset>
    </li>
  );
}
