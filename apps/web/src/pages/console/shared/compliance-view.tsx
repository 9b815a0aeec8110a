// The compliance check of a facility against the national standard: each check with its verdict
// (as text and a symbol, not colour alone) and its detail in the page's language.
import { getCompliance, type Compliance } from '../../../api/registry';
import { useAsync } from '../../../components/use-async';
import { useConsoleI18n } from './console-text';
import { AsyncStatus } from '../../../components/notice';

export function ComplianceList({ compliance }: { compliance: Compliance }) {
  const { lang, t } = useConsoleI18n();
  const failed = compliance.checks.filter((check) => !check.ok).length;
  return (
    <>
      <p class={`verdict ${compliance.ok ? 'verdict--ok' : 'verdict--failed'}`}>
        {compliance.ok ? t.compliance.allOk : t.compliance.someFailed(failed)}
      </p>
      <ul class="check-list">
        {compliance.checks.map((check) => (
          // Users read the detail; the rule's code stays a tooltip (for support) and a data attribute.
          <li key={check.code} class={`check ${check.ok ? 'check--ok' : 'check--failed'}`} data-code={check.code} title={check.code}>
            <span class="check__verdict">
              <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span> {check.ok ? t.compliance.ok : t.compliance.failed}
            </span>
            <span class="check__detail">{lang === 'en' ? check.detailEn || check.detail : check.detail}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Loads and shows the check; `refreshKey` changes when something it depends on changed. */
export function ComplianceView({ facilityId, refreshKey }: { facilityId: string; refreshKey: string | number }) {
  const { lang, t } = useConsoleI18n();
  const { state, reload } = useAsync((signal) => getCompliance(facilityId, { lang, signal }), `${facilityId}:${refreshKey}:${lang}`);
  return (
    <section class="panel-section" aria-labelledby="compliance-title">
      <div class="section-head">
        <h2 id="compliance-title">{t.compliance.title}</h2>
        <button type="button" class="button button--small button--secondary" onClick={reload}>
          {t.compliance.refresh}
        </button>
      </div>
      <p class="section-intro">{t.compliance.intro}</p>
      <AsyncStatus state={state} />
      {state.status === 'ready' && <ComplianceList compliance={state.value} />}
    </section>
  );
}
