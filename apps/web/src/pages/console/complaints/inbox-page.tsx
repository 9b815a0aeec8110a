// Page `/console/complaints`: the complaints in reach by status, each with what was reported (as text), the
// complainant's contact (regulators only: the API leaves it out for operators), its deadlines and, for regulators,
// the actions: investigate (health assigns an agency) and close (the assigned agency or health) with a finding and
// the reply the complainant reads. Regulators also see the map of reports of unregistered childcare.
import { useState } from 'preact/hooks';
import {
  AGENCIES,
  closeComplaint,
  COMPLAINT_FINDINGS,
  COMPLAINT_STATUSES,
  investigateComplaint,
  listComplaints,
  type Agency,
  type Complaint,
  type ComplaintFinding,
  type ComplaintStatus,
} from '../../../api/complaints';
import { useSession } from '../../../auth/session-context';
import { ConsolePage } from '../../../components/console-page';
import { errorMessage } from '../../../components/error-message';
import { SelectField, TextAreaField } from '../../../components/fields';
import { AsyncStatus, Notice } from '../../../components/notice';
import { Tabs } from '../../../components/tabs';
import { LoadMore, usePagedList } from '../../../components/use-paged-list';
import { formatDate } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { useComplaintText } from '../../complaints/messages';
import { RequireRole } from '../shared/require-role';
import { UnregisteredMap } from './unregistered-map';

function ComplaintCard({ complaint, onChanged }: { complaint: Complaint; onChanged: (next: Complaint) => void }) {
  const { lang, t } = useI18n();
  const c = useComplaintText();
  const { session } = useSession();
  const user = session!.user;
  const [agency, setAgency] = useState<Agency | ''>('market');
  const [note, setNote] = useState('');
  const [finding, setFinding] = useState<ComplaintFinding | ''>('');
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = complaint.id.slice(0, 8);
  const canInvestigate = user.role === 'regulator' && user.agency === 'health' && complaint.status === 'received';
  const canClose =
    user.role === 'regulator' &&
    complaint.status !== 'closed' &&
    (user.agency === 'health' || (complaint.agency !== null && complaint.agency === user.agency));
  const act = async (run: () => Promise<Complaint>) => {
    setError(null);
    try {
      onChanged(await run());
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  };
  return (
    <li class="item-card complaint-card" data-status={complaint.status} data-complaint={complaint.id}>
      <h3 class="item-card__title">
        {c.categories[complaint.category]} · {complaint.facilityName ?? complaint.providerName ?? complaint.address ?? '—'}
        {complaint.overdue && <span class="badge badge--warning"> {c.overdue}</span>}
      </h3>
      <p class="complaint-card__description">{complaint.description}</p>
      <p class="item-card__meta">
        {c.statuses[complaint.status]}
        {complaint.agency ? ` · ${c.agencies[complaint.agency]}` : ''} · {formatDate(complaint.createdAt, lang)} ·{' '}
        {c.dueBy(formatDate(complaint.acknowledgeDueOn, lang) ?? '', formatDate(complaint.closeDueOn, lang) ?? '')}
      </p>
      {user.role !== 'operator' && (
        <p class="item-card__meta">
          {c.contact}：{complaint.contact ? [complaint.contact.name, complaint.contact.phone].filter(Boolean).join(' ') : c.noContact}
        </p>
      )}
      {complaint.reply && (
        <p class="item-card__meta">
          {complaint.finding ? `${c.findings[complaint.finding]} · ` : ''}
          {c.reply}：{complaint.reply}
        </p>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {canInvestigate && (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (agency) void act(() => investigateComplaint(complaint.id, agency, note, lang));
          }}
        >
          <SelectField
            id={`assign-${id}`}
            label={c.assignTo}
            value={agency}
            onChange={setAgency}
            options={AGENCIES.map((value) => ({ value, label: c.agencies[value] }))}
          />
          <TextAreaField id={`note-${id}`} label={c.note} value={note} onInput={setNote} rows={2} />
          <button type="submit" class="button button--secondary">
            {c.investigate}
          </button>
        </form>
      )}
      {canClose && (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (finding && reply.trim()) void act(() => closeComplaint(complaint.id, finding, reply.trim(), lang));
            else setError(c.required);
          }}
        >
          <SelectField
            id={`finding-${id}`}
            label={c.finding}
            value={finding}
            placeholder=""
            onChange={setFinding}
            options={COMPLAINT_FINDINGS.map((value) => ({ value, label: c.findings[value] }))}
          />
          <TextAreaField id={`reply-${id}`} label={c.replyText} value={reply} onInput={setReply} rows={2} />
          <button type="submit" class="button">
            {c.close}
          </button>
        </form>
      )}
    </li>
  );
}

const PAGE = 50;

function InboxScreen() {
  const { lang } = useI18n();
  const c = useComplaintText();
  const { session } = useSession();
  const [status, setStatus] = useState<ComplaintStatus>('received');
  const [seq, setSeq] = useState(0);
  // A page at a time (components/use-paged-list.tsx), newest first; reloaded when the tab, the language or the map changes.
  const list = usePagedList(
    (cursor, signal) => listComplaints({ status, limit: PAGE, cursor }, { lang, signal }),
    `${status}:${lang}:${seq}`,
  );
  const { state } = list;
  const replace = (next: Complaint) => list.updateItems((items) => items.map((i) => (i.id === next.id ? next : i)));
  return (
    <ConsolePage title={c.inboxTitle}>
      <p class="section-intro">{c.inboxIntro}</p>
      <Tabs
        label={c.status}
        idPrefix="complaints"
        tabs={COMPLAINT_STATUSES.map((key) => ({ key, label: c.statuses[key] }))}
        selected={status}
        onSelect={setStatus}
      >
        <AsyncStatus state={state} />
        {state.status === 'ready' && list.items.length === 0 && <p>{c.empty}</p>}
        {state.status === 'ready' && list.items.length > 0 && (
          <ul class="item-list" id="complaint-list">
            {list.items.map((item) => (
              <ComplaintCard key={item.id} complaint={item} onChanged={replace} />
            ))}
          </ul>
        )}
        <LoadMore list={list} />
      </Tabs>
      {session!.user.role !== 'operator' && (
        <UnregisteredMap
          canAct={session!.user.role === 'regulator' && session!.user.agency === 'health'}
          onChanged={() => setSeq((n) => n + 1)}
        />
      )}
    </ConsolePage>
  );
}

export function ComplaintsInboxPage() {
  return (
    <RequireRole roles={['operator', 'regulator', 'admin']}>
      <InboxScreen />
    </RequireRole>
  );
}
