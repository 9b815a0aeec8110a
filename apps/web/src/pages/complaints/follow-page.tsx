// Page `/complain/track` (`?code=`): a complaint's status by its receipt code, and the regulator's reply once closed.
import { useState } from 'preact/hooks';
import { fetchPublicComplaint } from '../../api/complaints';
import { AppHeader } from '../../components/app-header';
import { useDocumentTitle } from '../../components/document-title';
import { errorMessage, statusOf } from '../../components/error-message';
import { TextField } from '../../components/fields';
import { Loading } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { useAsync } from '../../components/use-async';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { navigate, useSearchParam } from '../../router/router';
import { paths } from '../../router/routes';
import { searchHref } from '../search/links';
import { useComplaintText } from './messages';

export function FollowComplaintPage() {
  const { lang, t } = useI18n();
  const c = useComplaintText();
  useDocumentTitle(`${c.followTitle} · ${t.app.title}`);
  const code = useSearchParam('code') ?? '';
  const [typed, setTyped] = useState(code);
  const found = useAsync(async (signal) => (code ? await fetchPublicComplaint(code, { lang, signal }) : null), `${code}:${lang}`);

  return (
    <>
      <AppHeader linkHome={{ href: searchHref() }} />
      <main id="main" class="console-main complaint-public" tabIndex={-1}>
        <div class="page-heading">
          <h1 class="page-heading__title" data-page-heading tabIndex={-1}>
            {c.followTitle}
          </h1>
        </div>
        <form
          class="card complaint-form"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(paths.followComplaint(typed.trim().toUpperCase()), { focus: false });
          }}
        >
          <p class="section-intro">{c.followIntro}</p>
          <TextField id="receipt-code-input" label={c.receiptCode} value={typed} onInput={setTyped} maxLength={12} autoComplete="off" />
          <button type="submit" class="button" id="receipt-lookup">
            {c.lookUp}
          </button>
        </form>
        {code && found.state.status === 'loading' && <Loading inline />}
        {found.state.status === 'error' && (
          <Notice kind="error">{statusOf(found.state.error) === 404 ? c.notFound : errorMessage(found.state.error, t)}</Notice>
        )}
        {found.state.status === 'ready' && found.state.value && (
          <section class="card" aria-labelledby="complaint-status-title" id="complaint-status">
            <h2 id="complaint-status-title" class="card__title">
              {c.receiptCode} {found.state.value.receiptCode}
            </h2>
            <dl class="facts">
              <div class="facts__row">
                <dt>{c.status}</dt>
                <dd id="complaint-status-value">{c.statuses[found.state.value.status]}</dd>
              </div>
              <div class="facts__row">
                <dt>{c.category}</dt>
                <dd>{c.categories[found.state.value.category]}</dd>
              </div>
              <div class="facts__row">
                <dt>{c.received}</dt>
                <dd>{formatDate(found.state.value.createdAt.slice(0, 10), lang)}</dd>
              </div>
              <div class="facts__row">
                <dt>{c.reply}</dt>
                <dd id="complaint-reply">{found.state.value.reply ?? c.noReply}</dd>
              </div>
            </dl>
          </section>
        )}
      </main>
    </>
  );
}
