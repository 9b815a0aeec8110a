import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { reachOf, type Actor } from '@lib/auth';
import { todayInShanghai } from '@lib/standards';
import { facilityInReachSql, FacilityService } from '@lib/facilities';
import { reopenDueOn } from './rules/outcome.js';
import { orderOverdueSql } from './order-deadlines-sql.js';
import { DOMAIN_AGENCY } from './inspection-rules.types.js';
import { RectificationOrderEntity } from './inspection.entity.js';
import { InspectionError, InspectionErrorCode, orderNotFound, wrongAgency } from './inspection.errors.js';
import { config, orderView } from './inspection-support.js';
import { PlanItemsService } from './plan-items.js';
import { refreshYearlyCounts } from './yearly-counts.js';
import type { OrderListQuery, OrderView } from './dto/inspection.dto.js';

/** Rectification orders: the list, the owner's response and the regulator's verification (docs/api.md "Inspections and rectification orders"). */
@Injectable()
export class RectificationOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facilities: FacilityService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly planItems: PlanItemsService,
  ) {}

  async list(actor: Actor, query: OrderListQuery): Promise<Page<OrderView>> {
    const params: unknown[] = [];
    const where = [facilityInReachSql(reachOf(actor), params, 'o.facility_id')];
    if (query.facilityId) where.push(`o.facility_id = $${params.push(query.facilityId)}`);
    if (query.status === 'overdue') where.push(orderOverdueSql('o', `$${params.push(todayInShanghai())}`));
    else if (query.status) where.push(`o.status = $${params.push(query.status)}`);
    const after = decodeCursor(query.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2);
    if (after) where.push(`(o.due_on, o.id) > ($${params.push(after[0])}::date, $${params.push(after[1])}::uuid)`);
    // Most urgent first.
    const rows: { id: string; due_on: string }[] = await this.dataSource.query(
      `SELECT o.id, to_char(o.due_on, 'YYYY-MM-DD') AS due_on FROM rectification_orders o
        WHERE ${where.join(' AND ')} ORDER BY o.due_on, o.id LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const orders = page.length
      ? await this.dataSource.getRepository(RectificationOrderEntity).findBy({ id: In(page.map((r) => r.id)) })
      : [];
    const byId = new Map(orders.map((o) => [o.id, o]));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => orderView(byId.get(r.id)!)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.due_on, last.id]) : null,
    };
  }

  /** The owner answers an open order: → responded. */
  respond(actor: Actor, orderId: string, note: string): Promise<OrderView> {
    return this.orderStep(actor, orderId, 'open', async (m, order) => {
      await m.update(
        RectificationOrderEntity,
        { id: order.id },
        { status: 'responded', response: { note, at: new Date().toISOString(), by: actor.id } },
      );
      return { action: 'order.responded', changes: { orderId: order.id, itemCode: order.itemCode, note } };
    });
  }

  /**
   * A regulator of the order's agency (or health) verifies a response: accepted → resolved; refused →
   * open again with a new due date counted from today.
   */
  verify(actor: Actor, orderId: string, accepted: boolean, note?: string): Promise<OrderView> {
    return this.orderStep(actor, orderId, 'responded', async (m, order) => {
      if (actor.agency !== 'health' && actor.agency !== DOMAIN_AGENCY[order.domain]) throw wrongAgency(order.domain);
      const verification = { accepted, ...(note ? { note } : {}), at: new Date().toISOString(), by: actor.id };
      await m.update(
        RectificationOrderEntity,
        { id: order.id },
        accepted
          ? { status: 'resolved', resolvedAt: new Date(), verification }
          : { status: 'open', dueOn: reopenDueOn(todayInShanghai(), order.severity, config), verification },
      );
      return {
        action: accepted ? 'order.resolved' : 'order.reopened',
        changes: { orderId: order.id, itemCode: order.itemCode, accepted, note },
      };
    });
  }

  private async orderStep(
    actor: Actor,
    orderId: string,
    from: RectificationOrderEntity['status'],
    step: (m: EntityManager, order: RectificationOrderEntity) => Promise<{ action: string; changes: Record<string, unknown> }>,
  ): Promise<OrderView> {
    await this.dataSource.transaction(async (m) => {
      const order = await m
        .getRepository(RectificationOrderEntity)
        .findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw orderNotFound();
      await this.facilities.inReach(m, reachOf(actor), order.facilityId).catch(() => {
        throw orderNotFound();
      });
      if (order.status !== from) {
        throw new InspectionError(InspectionErrorCode.WrongState, {
          zh: `整改通知状态为「${order.status}」，不能执行此操作`,
          en: `The order is ${order.status}: this step does not apply`,
        });
      }
      const { action, changes } = await step(m, order);
      await this.audit.record(m, {
        subjectType: 'facility',
        subjectId: order.facilityId,
        actor: { id: actor.id, role: actor.role },
        action,
        changes,
      });
      if (action === 'order.resolved') await refreshYearlyCounts(m, [order.facilityId]);
      await this.outbox.record(m, { type: 'order.changed', facilityId: order.facilityId, orderId: order.id });
      // The plan counts open and overdue orders: it follows the step in its transaction.
      await this.planItems.refresh(m, [order.facilityId]);
    });
    return orderView((await this.dataSource.getRepository(RectificationOrderEntity).findOneBy({ id: orderId }))!);
  }
}
