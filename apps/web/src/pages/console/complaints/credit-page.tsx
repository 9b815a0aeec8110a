// Page `/console/credit`: the operators (by credit code) with a facility in the regulator's reach, worst level first,
// each with the reasons (the rules that apply), its facilities and counts; a filter by level.
import { useState } from 'preact/hooks';
import { listCredit, type CreditLevel } from '../../../api/complaints';
import { ConsolePage } from '../../../components/console-page';
import { Tabs } from '../../../components/tabs';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';
import { AsyncStatus } from '../../../components/notice';
import { useI18n } from '../../../i18n/i18n';
import { Link } from '../../../router/router';
import { paths } from '../../../router/routes';
import { useComplaintText } from '../../complaints/messages';
import { RequireRole } from '../shared/require-role';

const FILTERS = ['all', 'D', 'C', 'B', 'A'] as const;
type Filter = (typeof FILTERS)[number];

function CreditScreen() {
  const { lang } = useI18n();
  const c = useComplaintText();
  const [filter, setFilter] = useState<Filter>('all');
  const list = usePagedList(
    (cursor, signal) => listCredit({ level: filter === 'all' ? undefined : (filter as CreditLevel), cursor }, { lang, signal }),
    `${filter}:${lang}`,
  );
  const { state } = list;
  return (
    <ConsolePage title={c.creditTitle}>
      <p class="section-intro">{c.creditIntro}</p>
      <Tabs
        label={c.level}
        idPrefix="credit"
        tabs={FILTERS.map((key) => ({ key, label: key === 'all' ? c.allLevels : c.levels[key] }))}
        selected={filter}
        onSelect={setFilter}
      >
        <AsyncStatus state={state} />
        {state.status === 'ready' && list.items.length === 0 && <p>{c.creditEmpty}</p>}
        {state.status === 'ready' && list.items.length > 0 && (
          <table class="data-table" id="credit-table">
            <caption class="visually-hidden">{c.creditTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{c.creditCode}</th>
                <th scope="col">{c.level}</th>
                <th scope="col">{c.reasons}</th>
                <th scope="col">{c.facilities}</th>
                <th scope="col">{c.penalties}</th>
                <th scope="col">{c.substantiatedComplaints}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.creditCode} data-level={item.level}>
                  <th scope="row">{item.creditCode}</th>
                  <td>{c.levels[item.level]}</td>
                  <td>{item.reasons.join('；') || '—'}</td>
                  <td>
                    {item.facilities.map((id, index) => (
                      <span key={id}>
                        {index > 0 && ' '}
                        <Link href={paths.regulatorFacility(id)}>{index + 1}</Link>
                      </span>
                    ))}
                  </td>
                  <td>{item.penalties}</td>
                  <td>{item.substantiatedComplaints}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMore list={list} />
      </Tabs>
    </ConsolePage>
  );
}

export function CreditPage() {
  return (
    <RequireRole roles={['regulator', 'admin']}>
      <CreditScreen />
    </RequireRole>
  );
}
