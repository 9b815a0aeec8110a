import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page, type Violation } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService, type DomainEvent } from '@lib/events';
import type { Actor } from '@lib/auth';
import {
  chosenFacilities,
  classNameSql,
  classOfFacility,
  enrolHeldPlace,
  facilityColumnSql,
  facilityOwnedBySql,
  holdPlace,
  releasePlace,
} from '@lib/facilities';
import {
  addDays,
  AGE_GROUP_NAMES,
  ageInMonths,
  ageInRange,
  classTakesAge,
  labelProblem,
  monthInShanghai,
  queueGroupOf,
  todayInShanghai,
  WAITLIST_RULES,
  type ChoiceStatus,
  type OfferStatus,
} from '@lib/standards';
import { ApplicationChoiceEntity, ApplicationEntity, OfferEntity } from './application.entity.js';
import { applicationNotFound, duplicate, invalid, offerNotFound, rules, wrongState } from './application.errors.js';
import { queueAhead, queueOrderBy } from './queue-sql.js';
import type {
  AcceptedOfferView,
  ApplicationListQuery,
  ApplicationView,
  ChoiceView,
  CreateApplicationDto,
  CreateOfferDto,
  OfferView,
} from './dto/application.dto.js';

const actorRef = (a: Actor) => ({ id: a.id, role: a.role });
const SYSTEM = { id: null, role: 'system' };

/** What an operator's view of an application is limited to: its own facilities' choices and offers. */
type Viewer = { kind: 'parent'; parentId: string } | { kind: 'operator'; ownerId: string };

interface ChoiceRow {
  application_id: string;
  rank: number;
  facility_id: string;
  facility_name: string;
  status: ChoiceStatus;
  position: number | null;
}

interface OfferRow {
  id: string;
  application_id: string;
  facility_id: string;
  class_id: string | null;
  class_name: string | null;
  status: OfferStatus;
  expires_on: string;
  created_at: Date;
  decided_at: Date | null;
}

/**
 * Applications, queues and offers (docs/api.md "Parents: applications and the waitlist"). Every use case is one
 * transaction that locks the application first and the class second (the same order everywhere, so two use
 * cases never deadlock), changes places only through libs/facilities' class-places functions, and records its
 * audit entry and events (ids and unit codes only: never the child's label or birth month).
 */
@Injectable()
export class ApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  // --- applications -----------------------------------------------------------------

  async apply(actor: Actor, dto: CreateApplicationDto): Promise<ApplicationView> {
    const label = dto.child.label.trim();
    const labelIssue = labelProblem(label);
    const bad: Violation[] = [];
    if (labelIssue)
      bad.push({
        field: 'child.label',
        code: labelIssue === 'required' ? 'required' : 'invalid',
        message: {
          zh: labelIssue === 'identifying' ? '只填孩子的名字或小名，不要填身份证号或电话号码' : '孩子的称呼须为 1 到 20 个字',
          en:
            labelIssue === 'identifying'
              ? 'Give a first name or nickname only, not an ID or phone number'
              : 'A first name or nickname of 1 to 20 characters',
        },
      });
    if (dto.startMonth < monthInShanghai())
      bad.push({
        field: 'startMonth',
        code: 'invalid',
        message: { zh: '入托月份不能早于本月', en: 'The start month cannot be in the past' },
      });
    if (bad.length) throw invalid(bad);
    const age = ageInMonths(dto.child.birthMonth, dto.startMonth);
    const group = queueGroupOf(age);
    if (!ageInRange(age) || !group) {
      throw rules([
        {
          field: 'child.birthMonth',
          code: 'age_out_of_range',
          message: {
            zh: `入托时孩子${age}个月，须在${WAITLIST_RULES.minAgeMonths}到${WAITLIST_RULES.maxAgeMonths}个月之间`,
            en: `The child is ${age} months old in the start month; places are for ${WAITLIST_RULES.minAgeMonths} to ${WAITLIST_RULES.maxAgeMonths} months`,
          },
        },
      ]);
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      // Registered, with a class for the child's age (each choice named when it is not).
      const found = await chosenFacilities(m, dto.choices, groupsTaking(age));
      const byId = new Map(found.map((f) => [f.id, f]));
      const broken: Violation[] = [];
      dto.choices.forEach((facilityId, i) => {
        const f = byId.get(facilityId);
        if (!f || f.status !== 'registered') {
          broken.push({
            field: `choices[${i}]`,
            code: 'not_registered',
            message: { zh: `第${i + 1}志愿不是已备案的托育机构`, en: `Choice ${i + 1} is not a registered facility` },
          });
        } else if (!f.takes) {
          broken.push({
            field: `choices[${i}]`,
            code: 'no_class_for_age',
            message: { zh: `${f.name}没有收${age}个月孩子的班级`, en: `${f.name} has no class for a child of ${age} months` },
          });
        }
      });
      if (broken.length) throw rules(broken);
      const active = await m.getRepository(ApplicationEntity).existsBy({
        parentId: actor.id,
        childLabel: label,
        childBirthMonth: dto.child.birthMonth,
        status: 'waiting',
      });
      if (active) throw duplicate();
      const now = new Date();
      await m
        .insert(ApplicationEntity, {
          id,
          parentId: actor.id,
          childLabel: label,
          childBirthMonth: dto.child.birthMonth,
          startMonth: dto.startMonth,
          serviceType: dto.serviceType,
          ageMonths: age,
          ageGroup: group,
          status: 'waiting',
          placedFacilityId: null,
          createdAt: now,
        })
        .catch((e: unknown) => {
          // Two identical requests at once: the partial unique index decides.
          if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') throw duplicate();
          throw e;
        });
      await m.insert(
        ApplicationChoiceEntity,
        dto.choices.map((facilityId, i) => ({
          applicationId: id,
          rank: i + 1,
          facilityId,
          status: 'waiting' as const,
          ageGroup: group,
          startMonth: dto.startMonth,
          appliedAt: now,
        })),
      );
      await this.audit.record(m, {
        subjectType: 'application',
        subjectId: id,
        actor: actorRef(actor),
        action: 'application.created',
        changes: { startMonth: dto.startMonth, serviceType: dto.serviceType, ageGroup: group, choices: dto.choices },
      });
      await this.outbox.record(
        m,
        applicationChanged(
          id,
          dto.choices.map((c) => byId.get(c)!.regionCode),
        ),
      );
    });
    return this.view(this.dataSource.manager, { kind: 'parent', parentId: actor.id }, id);
  }

  async list(actor: Actor, query: ApplicationListQuery): Promise<Page<ApplicationView>> {
    const limit = query.limit ?? 20;
    const offset = decodeCursor(query.cursor, (v): v is number => Number.isInteger(v) && (v as number) >= 0) ?? 0;
    let ids: { id: string }[];
    let viewer: Viewer;
    if (actor.role === 'parent') {
      viewer = { kind: 'parent', parentId: actor.id };
      ids = await this.dataSource.query(
        `SELECT id FROM applications WHERE parent_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [actor.id, limit + 1, offset],
      );
    } else {
      viewer = { kind: 'operator', ownerId: actor.id };
      const params: unknown[] = [actor.id];
      const where = [facilityOwnedBySql('c.facility_id', '$1')];
      if (query.facilityId) where.push(`c.facility_id = $${params.push(query.facilityId)}`);
      if (query.ageGroup) where.push(`c.age_group = $${params.push(query.ageGroup)}`);
      where.push(query.status ? `c.status = $${params.push(query.status)}` : `c.status IN ('waiting', 'offered')`);
      // One row per application even when it chose two of the caller's facilities (its best-ranked one).
      ids = await this.dataSource.query(
        `SELECT id FROM (
           SELECT DISTINCT ON (c.application_id) c.application_id AS id, c.facility_id, c.age_group, c.start_month, c.applied_at, c.application_id
             FROM application_choices c
            WHERE ${where.join(' AND ')}
            ORDER BY c.application_id, c.rank
         ) c
         ORDER BY c.facility_id, c.age_group, ${queueOrderBy('c')}
         LIMIT $${params.push(limit + 1)} OFFSET $${params.push(offset)}`,
        params,
      );
    }
    const page = ids.slice(0, limit);
    const items = await this.views(
      this.dataSource.manager,
      viewer,
      page.map((r) => r.id),
    );
    return { items, nextCursor: ids.length > limit ? encodeCursor(offset + limit) : null };
  }

  async get(actor: Actor, id: string): Promise<ApplicationView> {
    return this.view(this.dataSource.manager, this.viewerOf(actor), id);
  }

  async withdraw(actor: Actor, id: string): Promise<ApplicationView> {
    await this.dataSource.transaction(async (m) => {
      const app = await this.lockOwn(m, actor, id);
      if (app.status !== 'waiting') throw wrongState('只有排队中的申请可以撤回', 'Only a waiting application can be withdrawn');
      const released = await this.closeOffers(m, id, 'withdrawn', null);
      // The choices answer the units the application's figures move in (as accept's do): no second read of them.
      const [choices]: [{ region_code: string }[], number] = await m.query(
        `UPDATE application_choices c SET status = 'withdrawn', updated_at = now() WHERE c.application_id = $1
          RETURNING ${facilityColumnSql('c.facility_id', 'region_code')} AS region_code`,
        [id],
      );
      await m.update(ApplicationEntity, { id }, { status: 'withdrawn' });
      await this.audit.record(m, {
        subjectType: 'application',
        subjectId: id,
        actor: actorRef(actor),
        action: 'application.withdrawn',
        changes: { releasedOffers: released },
      });
      await this.outbox.record(
        m,
        applicationChanged(
          id,
          choices.map((c) => c.region_code),
        ),
      );
    });
    return this.view(this.dataSource.manager, { kind: 'parent', parentId: actor.id }, id);
  }

  // --- offers -------------------------------------------------------------------------

  async offer(actor: Actor, applicationId: string, dto: CreateOfferDto): Promise<OfferView> {
    const today = todayInShanghai();
    if (dto.expiresOn < today || dto.expiresOn > addDays(today, WAITLIST_RULES.maxOfferDays)) {
      throw invalid([
        {
          field: 'expiresOn',
          code: 'invalid',
          message: {
            zh: `截止日期须在今天到${WAITLIST_RULES.maxOfferDays}天后之间`,
            en: `The offer must expire between today and ${WAITLIST_RULES.maxOfferDays} days from now`,
          },
        },
      ]);
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      // In reach: the application chose one of the caller's facilities (404 otherwise, as for an absent one).
      const [app]: { id: string; status: string; age_months: number }[] = await m.query(
        `SELECT a.id, a.status, a.age_months FROM applications a
          WHERE a.id = $1 AND EXISTS (SELECT 1 FROM application_choices c
                                       WHERE c.application_id = a.id AND ${facilityOwnedBySql('c.facility_id', '$2')})
          FOR UPDATE OF a`,
        [applicationId, actor.id],
      );
      if (!app) throw applicationNotFound();
      const [choice]: { rank: number; status: ChoiceStatus; facility_status: string; region_code: string }[] = await m.query(
        `SELECT c.rank, c.status, ${facilityColumnSql('c.facility_id', 'status')} AS facility_status,
                ${facilityColumnSql('c.facility_id', 'region_code')} AS region_code
           FROM application_choices c
          WHERE c.application_id = $1 AND c.facility_id = $2 AND ${facilityOwnedBySql('c.facility_id', '$3')}`,
        [applicationId, dto.facilityId, actor.id],
      );
      if (!choice)
        throw rules([
          {
            field: 'facilityId',
            code: 'not_chosen',
            message: { zh: '这份申请没有选择您的这家机构', en: 'The application did not choose this facility of yours' },
          },
        ]);
      if (app.status !== 'waiting') throw wrongState('申请已不在排队中', 'The application is no longer waiting');
      if (choice.status !== 'waiting')
        throw wrongState('这份申请在本机构已有录取通知或已离开队列', 'The application already has an offer here or has left this queue');
      if (choice.facility_status !== 'registered') throw wrongState('机构不在备案有效状态', 'The facility is not registered');
      const cls = await classOfFacility(m, dto.classId, dto.facilityId);
      if (!cls)
        throw rules([
          { field: 'classId', code: 'unknown_class', message: { zh: '本机构没有这个班级', en: 'The facility has no such class' } },
        ]);
      if (!classTakesAge(cls.ageGroup as never, app.age_months))
        throw rules([
          {
            field: 'classId',
            code: 'no_class_for_age',
            message: {
              zh: `${cls.name}不收${app.age_months}个月的孩子`,
              en: `${cls.name} does not take a child of ${app.age_months} months`,
            },
          },
        ]);
      const held = await holdPlace(m, cls.id);
      if (!held)
        throw rules([
          { field: 'classId', code: 'no_vacancy', message: { zh: `${cls.name}没有空余托位`, en: `${cls.name} has no vacancy` } },
        ]);
      await m.insert(OfferEntity, {
        id,
        applicationId,
        facilityId: dto.facilityId,
        classId: cls.id,
        status: 'open',
        expiresOn: dto.expiresOn,
        offeredBy: actor.id,
        decidedAt: null,
      });
      await m.query(
        `UPDATE application_choices SET status = 'offered', updated_at = now() WHERE application_id = $1 AND facility_id = $2`,
        [applicationId, dto.facilityId],
      );
      await this.audit.record(
        m,
        {
          subjectType: 'application',
          subjectId: applicationId,
          actor: actorRef(actor),
          action: 'offer.created',
          changes: { offerId: id, facilityId: dto.facilityId, classId: cls.id, expiresOn: dto.expiresOn },
        },
        {
          subjectType: 'facility',
          subjectId: dto.facilityId,
          actor: actorRef(actor),
          action: 'class.place_held',
          changes: { classId: cls.id, offerId: id, held: held.held },
        },
      );
      await this.outbox.record(m, classChanged(dto.facilityId, cls.id, choice.region_code));
    });
    return (await this.offers(this.dataSource.manager, [applicationId], { kind: 'operator', ownerId: actor.id })).find((o) => o.id === id)!;
  }

  /** The parent accepts: placed, enrolled + 1 and the hold released in one statement, every other open offer withdrawn. */
  async accept(actor: Actor, offerId: string): Promise<AcceptedOfferView> {
    const applicationId = await this.decide(actor, offerId, async (m, offer) => {
      if (offer.expires_on < todayInShanghai()) throw wrongState('录取通知已过期', 'The offer has expired');
      const enrolled = offer.class_id ? await enrolHeldPlace(m, offer.class_id) : null;
      if (!enrolled) throw wrongState('该托位已不再保留', 'The place is no longer held');
      const released = await this.closeOffers(m, offer.application_id, 'withdrawn', offer.id);
      // The offer, the application and its choices in one statement (accept is a parent's hot path, issue #17);
      // the choices answer the units the application's figures move in.
      const [choices]: [{ region_code: string }[], number] = await m.query(
        `WITH accepted AS (UPDATE offers SET status = 'accepted', decided_at = now() WHERE id = $3),
              placed AS (UPDATE applications SET status = 'placed', placed_facility_id = $2, updated_at = now() WHERE id = $1)
         UPDATE application_choices c SET status = CASE WHEN c.facility_id = $2 THEN 'placed' ELSE 'withdrawn' END, updated_at = now()
          WHERE c.application_id = $1
          RETURNING ${facilityColumnSql('c.facility_id', 'region_code')} AS region_code`,
        [offer.application_id, offer.facility_id, offer.id],
      );
      const by = actorRef(actor);
      await this.audit.record(
        m,
        {
          subjectType: 'application',
          subjectId: offer.application_id,
          actor: by,
          action: 'offer.accepted',
          changes: { offerId: offer.id, facilityId: offer.facility_id, classId: offer.class_id, withdrawnOffers: released },
        },
        {
          subjectType: 'facility',
          subjectId: offer.facility_id,
          actor: by,
          action: 'class.enrolled_from_offer',
          changes: { classId: offer.class_id, offerId: offer.id, enrolled: enrolled.enrolled },
        },
      );
      await this.outbox.record(
        m,
        classChanged(offer.facility_id, offer.class_id!, offer.region_code),
        applicationChanged(
          offer.application_id,
          choices.map((c) => c.region_code),
        ),
      );
    });
    return this.decided(actor, offerId, applicationId);
  }

  async decline(actor: Actor, offerId: string): Promise<AcceptedOfferView> {
    const applicationId = await this.decide(actor, offerId, async (m, offer) => {
      await this.endOffer(m, offer, 'declined', actorRef(actor));
    });
    return this.decided(actor, offerId, applicationId);
  }

  /**
   * Expires every open offer whose `expiresOn` has passed (the job; idempotent), each in its own transaction:
   * the hold released, the choice out of that queue. Returns how many expired.
   */
  async expireOffers(today = todayInShanghai()): Promise<number> {
    const due: { id: string; application_id: string }[] = await this.dataSource.query(
      `SELECT id, application_id FROM offers WHERE status = 'open' AND expires_on < $1 ORDER BY expires_on, id`,
      [today],
    );
    let expired = 0;
    for (const d of due) {
      await this.dataSource.transaction(async (m) => {
        const offer = await this.lockOffer(m, d.id, null);
        if (!offer || offer.status !== 'open' || offer.expires_on >= today) return;
        await this.endOffer(m, offer, 'expired', SYSTEM);
        expired++;
      });
    }
    return expired;
  }

  // --- helpers ------------------------------------------------------------------------

  /** Locks the parent's application and its open offer, runs `work`; 404 for anyone else's offer. */
  private async decide(actor: Actor, offerId: string, work: (m: EntityManager, offer: LockedOffer) => Promise<void>): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const offer = await this.lockOffer(m, offerId, actor.id);
      if (!offer) throw offerNotFound();
      if (offer.status !== 'open') throw wrongState('录取通知已不再有效', 'The offer is no longer open');
      await work(m, offer);
      return offer.application_id;
    });
  }

  private async decided(actor: Actor, offerId: string, applicationId: string): Promise<AcceptedOfferView> {
    const viewer: Viewer = { kind: 'parent', parentId: actor.id };
    const application = await this.view(this.dataSource.manager, viewer, applicationId);
    return { ...application.offers.find((o) => o.id === offerId)!, application };
  }

  /**
   * Locks an offer and its application in one statement (the application first, as every writer of an application
   * does, so that two of them wait rather than deadlock); only the parent's own when `parentId` is given.
   */
  private async lockOffer(m: EntityManager, offerId: string, parentId: string | null): Promise<LockedOffer | null> {
    const [offer]: LockedOffer[] = await m.query(
      `SELECT o.id, o.application_id, o.facility_id, o.class_id, o.status, to_char(o.expires_on, 'YYYY-MM-DD') AS expires_on,
              ${facilityColumnSql('o.facility_id', 'region_code')} AS region_code
         FROM applications a JOIN offers o ON o.application_id = a.id
        WHERE o.id = $1 AND ($2::uuid IS NULL OR a.parent_id = $2)
          FOR UPDATE OF a, o`,
      [offerId, parentId],
    );
    return offer ?? null;
  }

  /** Declined or expired: the hold released and the choice out of that facility's queue. */
  private async endOffer(m: EntityManager, offer: LockedOffer, status: 'declined' | 'expired', actor: { id: string | null; role: string }) {
    if (offer.class_id) await releasePlace(m, offer.class_id);
    await m.update(OfferEntity, { id: offer.id }, { status, decidedAt: new Date() });
    await m.query(`UPDATE application_choices SET status = $3, updated_at = now() WHERE application_id = $1 AND facility_id = $2`, [
      offer.application_id,
      offer.facility_id,
      status,
    ]);
    await this.audit.record(m, {
      subjectType: 'application',
      subjectId: offer.application_id,
      actor,
      action: `offer.${status}`,
      changes: { offerId: offer.id, facilityId: offer.facility_id, classId: offer.class_id },
    });
    const unitsMoved = applicationChanged(offer.application_id, await this.unitsOf(m, offer.application_id));
    if (offer.class_id) await this.outbox.record(m, classChanged(offer.facility_id, offer.class_id, offer.region_code), unitsMoved);
    else await this.outbox.record(m, unitsMoved);
  }

  /** Closes the application's open offers (but `except`), releasing their holds; returns their ids. */
  private async closeOffers(m: EntityManager, applicationId: string, status: 'withdrawn', except: string | null): Promise<string[]> {
    const open: { id: string; class_id: string | null; facility_id: string; region_code: string }[] = await m.query(
      `SELECT o.id, o.class_id, o.facility_id, ${facilityColumnSql('o.facility_id', 'region_code')} AS region_code FROM offers o
        WHERE o.application_id = $1 AND o.status = 'open' AND ($2::uuid IS NULL OR o.id <> $2) ORDER BY o.class_id FOR UPDATE OF o`,
      [applicationId, except],
    );
    for (const o of open) {
      if (o.class_id) {
        await releasePlace(m, o.class_id);
        await this.outbox.record(m, classChanged(o.facility_id, o.class_id, o.region_code));
      }
      await m.update(OfferEntity, { id: o.id }, { status, decidedAt: new Date() });
    }
    return open.map((o) => o.id);
  }

  private async lockOwn(m: EntityManager, actor: Actor, id: string): Promise<ApplicationEntity> {
    const [row]: { id: string }[] = await m.query('SELECT id FROM applications WHERE id = $1 AND parent_id = $2 FOR UPDATE', [
      id,
      actor.id,
    ]);
    if (!row) throw applicationNotFound();
    return m.getRepository(ApplicationEntity).findOneByOrFail({ id });
  }

  private viewerOf(actor: Actor): Viewer {
    return actor.role === 'parent' ? { kind: 'parent', parentId: actor.id } : { kind: 'operator', ownerId: actor.id };
  }

  private async unitsOf(m: EntityManager, applicationId: string): Promise<string[]> {
    const rows: { region_code: string }[] = await m.query(
      `SELECT DISTINCT ${facilityColumnSql('c.facility_id', 'region_code')} AS region_code FROM application_choices c WHERE c.application_id = $1`,
      [applicationId],
    );
    return rows.map((r) => r.region_code);
  }

  /** The waitlist figures of the units concerned follow (worker). Ids and codes only. */
  private async view(m: EntityManager, viewer: Viewer, id: string): Promise<ApplicationView> {
    const [view] = await this.views(m, viewer, [id]);
    if (!view) throw applicationNotFound();
    return view;
  }

  /** Views of the applications the viewer may see among `ids`, in the order of `ids`. */
  private async views(m: EntityManager, viewer: Viewer, ids: string[]): Promise<ApplicationView[]> {
    if (ids.length === 0) return [];
    const params: unknown[] = [ids];
    const visible =
      viewer.kind === 'parent'
        ? `a.parent_id = $${params.push(viewer.parentId)}`
        : `EXISTS (SELECT 1 FROM application_choices c WHERE c.application_id = a.id AND ${facilityOwnedBySql('c.facility_id', `$${params.push(viewer.ownerId)}`)})`;
    // The three reads at once (each on its own pooled connection outside a transaction): the choices and offers of
    // an application the viewer may not see are read too but never shown (only `apps` decides what is answered).
    const [apps, choices, offers] = await Promise.all([
      m.query(
        `SELECT a.id, a.status, a.child_label, a.child_birth_month, a.start_month, a.service_type, a.age_group, a.age_months, a.created_at, a.updated_at
           FROM applications a WHERE a.id = ANY($1::uuid[]) AND ${visible}`,
        params,
      ) as Promise<AppRow[]>,
      this.choices(m, ids, viewer),
      this.offers(m, ids, viewer),
    ]);
    const byId = new Map(apps.map((a) => [a.id, a]));
    return ids
      .filter((id) => byId.has(id))
      .map((id) => {
        const a = byId.get(id)!;
        return {
          id: a.id,
          status: a.status,
          child: { label: a.child_label, birthMonth: a.child_birth_month },
          startMonth: a.start_month,
          serviceType: a.service_type,
          ageGroup: a.age_group,
          ageMonths: a.age_months,
          choices: choices.filter((c) => c.application_id === id).map(choiceView),
          offers: offers.filter((o) => o.applicationId === id),
          createdAt: a.created_at.toISOString(),
          updatedAt: a.updated_at.toISOString(),
        };
      });
  }

  /** Choices with their position: 1 + the queued choices ahead in the same facility and age group. */
  private async choices(m: EntityManager, applicationIds: string[], viewer: Viewer): Promise<ChoiceRow[]> {
    const params: unknown[] = [applicationIds];
    const own = viewer.kind === 'operator' ? `AND ${facilityOwnedBySql('c.facility_id', `$${params.push(viewer.ownerId)}`)}` : '';
    return m.query(
      `SELECT c.application_id, c.rank, c.facility_id, ${facilityColumnSql('c.facility_id', 'name')} AS facility_name, c.status,
              CASE WHEN c.status IN ('waiting', 'offered') THEN
                (SELECT count(*)::int + 1 FROM application_choices o
                  WHERE o.facility_id = c.facility_id AND o.age_group = c.age_group AND o.status IN ('waiting', 'offered')
                    AND ${queueAhead('o', 'c')})
              END AS position
         FROM application_choices c
        WHERE c.application_id = ANY($1::uuid[]) ${own}
        ORDER BY c.application_id, c.rank`,
      params,
    );
  }

  private async offers(m: EntityManager, applicationIds: string[], viewer: Viewer): Promise<OfferView[]> {
    const params: unknown[] = [applicationIds];
    const own = viewer.kind === 'operator' ? `AND ${facilityOwnedBySql('o.facility_id', `$${params.push(viewer.ownerId)}`)}` : '';
    const rows: OfferRow[] = await m.query(
      `SELECT o.id, o.application_id, o.facility_id, o.class_id, ${classNameSql('o.class_id')} AS class_name, o.status,
              to_char(o.expires_on, 'YYYY-MM-DD') AS expires_on, o.created_at, o.decided_at
         FROM offers o
        WHERE o.application_id = ANY($1::uuid[]) ${own}
        ORDER BY o.created_at, o.id`,
      params,
    );
    return rows.map((o) => ({
      id: o.id,
      applicationId: o.application_id,
      facilityId: o.facility_id,
      classId: o.class_id,
      ...(o.class_name ? { className: o.class_name } : {}),
      status: o.status,
      expiresOn: o.expires_on,
      createdAt: o.created_at.toISOString(),
      decidedAt: o.decided_at ? o.decided_at.toISOString() : null,
    }));
  }
}

/** An application's row as the views read it. */
interface AppRow {
  id: string;
  status: ApplicationView['status'];
  child_label: string;
  child_birth_month: string;
  start_month: string;
  service_type: ApplicationView['serviceType'];
  age_group: ApplicationView['ageGroup'];
  age_months: number;
  created_at: Date;
  updated_at: Date;
}

interface LockedOffer {
  id: string;
  application_id: string;
  facility_id: string;
  class_id: string | null;
  status: OfferStatus;
  expires_on: string;
  region_code: string;
}

/** The class age groups that take a child of this age (its single-age group, and mixed from 18 months). */
function groupsTaking(age: number): string[] {
  return AGE_GROUP_NAMES.filter((g) => classTakesAge(g, age));
}

function choiceView(c: ChoiceRow): ChoiceView {
  return { facilityId: c.facility_id, facilityName: c.facility_name, rank: c.rank, position: c.position, status: c.status };
}

/** The event that moves an application's units' waiting figures. */
function applicationChanged(applicationId: string, unitCodes: string[]): DomainEvent {
  return { type: 'application.changed', applicationId, regionCodes: [...new Set(unitCodes)] };
}

/** A class's vacancies changed (hold, release, enrolment): as any class change, for figures and alerts. */
function classChanged(facilityId: string, classId: string, regionCode: string): DomainEvent {
  return { type: 'class.changed', facilityId, classId, status: 'registered', regionCode };
}
