// Labelled form inputs. Each has a visible <label>, an optional hint, and its errors beside it
// (linked with aria-describedby, aria-invalid set), so every message is read with its field.
import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  errors?: string[] | undefined;
  required?: boolean;
  disabled?: boolean;
  class?: string;
}

function describedBy(id: string, hint: string | undefined, errors: string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndErrors({ id, hint, errors }: { id: string; hint?: string | undefined; errors?: string[] | undefined }) {
  return (
    <>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p class="field__error" id={`${id}-error`}>
          {errors.join('；')}
        </p>
      )}
    </>
  );
}

function RequiredMark({ required }: { required?: boolean | undefined }) {
  return required ? (
    <span class="field__required" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
}

export interface TextFieldProps extends FieldProps {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password' | 'tel' | 'date' | 'search' | 'number';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  const { id, label, hint, errors, required, disabled, value, onInput, type = 'text' } = props;
  const invalid = Boolean(errors?.length);
  return (
    <div class={`field${invalid ? ' field--invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label class="field__label" for={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <input
        id={id}
        name={id}
        class="field__input"
        type={type as 'text'} // Preact types each input type separately; the attributes used here suit them all
        value={value}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        required={required}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}

export interface TextAreaFieldProps extends FieldProps {
  value: string;
  onInput: (value: string) => void;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, hint, errors, required, disabled, value, onInput } = props;
  const invalid = Boolean(errors?.length);
  return (
    <div class={`field${invalid ? ' field--invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label class="field__label" for={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <textarea
        id={id}
        name={id}
        class="field__input"
        rows={props.rows ?? 3}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}

export interface Option<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> extends FieldProps {
  value: V | '';
  onChange: (value: V | '') => void;
  options: readonly Option<V>[];
  /** The empty choice's text ("Choose…"); without it there is no empty choice. */
  placeholder?: string;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { id, label, hint, errors, required, disabled, value, onChange, options, placeholder } = props;
  const invalid = Boolean(errors?.length);
  return (
    <div class={`field${invalid ? ' field--invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label class="field__label" for={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <select
        id={id}
        name={id}
        class="field__input"
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(event) => onChange(event.currentTarget.value as V | '')}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}

export interface CheckboxFieldProps extends FieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, label, hint, errors, disabled, checked, onChange } = props;
  const invalid = Boolean(errors?.length);
  return (
    <div class={`field field--check${invalid ? ' field--invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <input
        id={id}
        name={id}
        type="checkbox"
        class="field__checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label class="field__check-label" for={id}>
        {label}
      </label>
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}

export interface CheckboxGroupProps<V extends string> extends FieldProps {
  values: readonly V[];
  onChange: (values: V[]) => void;
  options: readonly Option<V>[];
}

/** Several choices under one legend (a fieldset), e.g. service types or a caregiver's classes. */
export function CheckboxGroup<V extends string>(props: CheckboxGroupProps<V>) {
  const { id, label, hint, errors, required, disabled, values, onChange, options } = props;
  const invalid = Boolean(errors?.length);
  return (
    <fieldset
      id={id}
      class={`field field--group${invalid ? ' field--invalid' : ''}${props.class ? ` ${props.class}` : ''}`}
      aria-describedby={describedBy(id, hint, errors)}
      disabled={disabled}
      tabIndex={-1}
    >
      <legend class="field__label">
        {label}
        <RequiredMark required={required} />
      </legend>
      <div class="field__choices">
        {options.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="checkbox"
              name={id}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                onChange(checked ? [...values, option.value] : values.filter((value) => value !== option.value));
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </fieldset>
  );
}

/** A group of fields under a heading (a fieldset with a legend). */
export function FieldSet({ legend, children, class: className }: { legend: string; children: ComponentChildren; class?: string }) {
  return (
    <fieldset class={`form-section${className ? ` ${className}` : ''}`}>
      <legend class="form-section__title">{legend}</legend>
      {children}
    </fieldset>
  );
}
