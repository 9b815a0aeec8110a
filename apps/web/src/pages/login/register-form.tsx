// Registration as an operator (regulators are created by an admin). On success the login form
// gets the new username.
import { useState } from 'preact/hooks';
import { register } from '../../api/auth';
import { ApiError } from '../../api/client';
import { errorMessage, generalErrors } from '../../components/error-message';
import { SelectField, TextField } from '../../components/fields';
import { Notice } from '../../components/notice';
import { addFieldError, fieldErrorsOf, messagesFor, type FieldErrors } from '../../forms/field-errors';
import { useI18n } from '../../i18n/i18n';

const USERNAME = /^[A-Za-z0-9_.-]{3,40}$/;

export function RegisterForm({ onRegistered, parentFirst = false }: { onRegistered: (username: string) => void; parentFirst?: boolean }) {
  const { lang, t } = useI18n();
  const [form, setForm] = useState({ username: '', password: '', displayName: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [accountType, setAccountType] = useState<'operator' | 'parent'>(parentFirst ? 'parent' : 'operator');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const set = (field: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!USERNAME.test(form.username.trim()))
      addFieldError(found, 'username', form.username.trim() ? t.validation.username : t.validation.required);
    if (form.password.length < 10) addFieldError(found, 'password', form.password ? t.validation.passwordLength : t.validation.required);
    if (!form.displayName.trim()) addFieldError(found, 'displayName', t.validation.required);
    setErrors(found);
    setGeneral([]);
    setDone(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const username = form.username.trim();
      await register(
        {
          username,
          password: form.password,
          displayName: form.displayName.trim(),
          ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
          accountType,
        },
        { lang },
      );
      setDone(t.auth.registered(username));
      setForm({ username: '', password: '', displayName: '', phone: '' });
      onRegistered(username);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setErrors({ username: [caught.userMessage ?? t.auth.usernameTaken] });
      else {
        setErrors(fieldErrorsOf(caught instanceof ApiError ? caught.problem : null));
        const rest = generalErrors(caught);
        setGeneral(rest.length > 0 ? rest : [errorMessage(caught, t)]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card auth-card" onSubmit={submit} noValidate aria-labelledby="register-title">
      <h2 id="register-title" class="card__title">
        {accountType === 'parent' ? t.auth.registerAnyTitle : t.auth.registerTitle}
      </h2>
      <p class="card__intro">{accountType === 'parent' ? t.applications.applyHint : t.auth.registerIntro}</p>
      {done && <Notice kind="success">{done}</Notice>}
      {general.length > 0 && (
        <Notice kind="error">
          {general.map((message, index) => (
            <p key={index}>{message}</p>
          ))}
        </Notice>
      )}
      <SelectField
        id="register-account-type"
        label={t.auth.accountType}
        value={accountType}
        onChange={(value) => setAccountType(value === 'parent' ? 'parent' : 'operator')}
        options={(['parent', 'operator'] as const).map((value) => ({ value, label: t.auth.accountTypes[value]! }))}
      />
      <TextField
        id="register-username"
        label={t.auth.username}
        hint={t.auth.usernameHint}
        value={form.username}
        onInput={set('username')}
        autoComplete="username"
        required
        errors={messagesFor(errors, 'username')}
      />
      <TextField
        id="register-password"
        label={t.auth.password}
        hint={t.auth.passwordHint}
        type="password"
        value={form.password}
        onInput={set('password')}
        autoComplete="new-password"
        required
        errors={messagesFor(errors, 'password')}
      />
      <TextField
        id="register-display-name"
        label={t.auth.displayName}
        value={form.displayName}
        onInput={set('displayName')}
        autoComplete="name"
        required
        errors={messagesFor(errors, 'displayName')}
      />
      <TextField
        id="register-phone"
        label={t.auth.phoneOptional}
        type="tel"
        value={form.phone}
        onInput={set('phone')}
        autoComplete="tel"
        errors={messagesFor(errors, 'phone')}
      />
      <div class="form-actions">
        <button type="submit" class="button button--secondary" disabled={busy}>
          {busy ? t.auth.registering : t.auth.register}
        </button>
      </div>
    </form>
  );
}
