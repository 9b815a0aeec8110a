// Staff as cards: role, masked ID number, health certificate (expired ones flagged), qualifications,
// background check, classes, and whether employment has ended. `actions` adds the operator's buttons.
import type { ComponentChildren } from 'preact';
import type { RequestOptions } from '../../../api/client';
import { listStaff, type FacilityClass, type StaffMember } from '../../../api/registry';
import { todayInShanghai } from '../../../forms/form-values';
import { useSession } from '../../../auth/session-context';
import { useConsoleI18n, type ConsoleMessages } from './console-text';

export function StaffCard({ member, classes, actions }: { member: StaffMember; classes: FacilityClass[]; actions?: ComponentChildren }) {
  const { t } = useConsoleI18n();
  const { session } = useSession();
  const today = todayInShanghai();
  const healthExpired = member.healthCertificate?.expiresOn ? member.healthCertificate.expiresOn < today : false;
  const classNames = (member.classIds ?? []).map((id) => classes.find((item) => item.id === id)?.name ?? id);
  return (
    <li class={`item-card staff-card${member.endedOn ? ' staff-card--ended' : ''}`} data-staff-id={member.id}>
      <div class="item-card__head">
        <h3 class="item-card__title">{member.name}</h3>
        <span class="item-card__tag">{t.staff.roles[member.role] ?? member.role}</span>
        {member.endedOn ? (
          <span class="badge badge--ended">{t.staff.endedOn(member.endedOn)}</span>
        ) : (
          <span class="badge badge--active">{t.staff.active}</span>
        )}
      </div>
      <p class="item-card__meta">
        <span class="masked-id">{member.idNumber}</span>
        {' · '}
        {t.staff.hiredOnShort(member.hiredOn)}
        {' · '}
        {member.fullTime ? t.staff.fullTime : t.staff.partTime}
        {member.education ? ` · ${t.staff.educations[member.education]}` : ''}
        {member.experienceYears !== undefined && member.experienceYears !== null ? ` · ${t.staff.years(member.experienceYears)}` : ''}
      </p>
      <ul class="staff-card__facts">
        {member.healthCertificate && (
          <li class={healthExpired ? 'item-card__warning' : undefined}>
            {healthExpired
              ? t.staff.healthExpired(member.healthCertificate.expiresOn)
              : t.staff.healthExpires(member.healthCertificate.expiresOn)}
          </li>
        )}
        {(member.qualifications ?? []).map((qualification, index) => (
          <li key={index}>
            {t.staff.qualificationTypes[qualification.type] ?? qualification.type} {qualification.number}
            {qualification.expiresOn ? ` (${qualification.expiresOn})` : ''}
          </li>
        ))}
        <li class={member.backgroundChecked ? undefined : 'item-card__warning'}>
          {member.backgroundChecked
            ? member.backgroundCheckedOn
              ? t.staff.backgroundOn(member.backgroundCheckedOn)
              : t.staff.backgroundYes
            : t.staff.backgroundNo}
        </li>
        {member.employer && <li>{t.staff.employerOf(member.employer)}</li>}
        {classNames.length > 0 && <li>{t.staff.classesOf(classNames.join('、'))}</li>}
        {member.multiListed && !member.endedOn && (
          <li class="item-card__warning staff-card__multi">{multiListedText(member, session?.user.role === 'operator', t)}</li>
        )}
      </ul>
      {actions}
    </li>
  );
}

/** The operator is told only that the person is listed elsewhere; a regulator where, within reach. */
function multiListedText(member: StaffMember, operator: boolean, t: ConsoleMessages): string {
  if (operator) return t.staff.multiListedOperator;
  if (!member.alsoListedAt?.length) return t.staff.multiListedOutsideReach;
  return t.staff.multiListedAt(member.alsoListedAt.map((other) => other.facilityName).join('、'));
}

/** Every page of the roster (a facility has tens of staff, not thousands). */
export async function loadAllStaff(facilityId: string, options: RequestOptions): Promise<StaffMember[]> {
  const all: StaffMember[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const answer = await listStaff(facilityId, cursor, options);
    all.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return all;
}
