import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import {
  AmendmentDto,
  ChecklistListView,
  ChecklistQuery,
  CreateInspectionDto,
  InspectionListView,
  InspectionPlanService,
  InspectionRecordService,
  InspectionView,
  ListQuery,
  OrderListQuery,
  OrderListView,
  OrderResponseDto,
  OrderView,
  PlanQuery,
  PlanView,
  RectificationOrderService,
  VerifyDto,
} from '@lib/inspections';
import { CurrentActor } from '../common/access.guard.js';
import { notFoundUuid } from '../common/params.js';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('api/v1')
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionRecordService,
    private readonly rectification: RectificationOrderService,
    private readonly plans: InspectionPlanService,
  ) {}

  @Get('inspection-checklists')
  @ApiOperation({ summary: '检查清单 · Inspection checklists' })
  @Access.signedIn()
  @ApiOkResponse({ type: ChecklistListView })
  checklists(@Query() query: ChecklistQuery): ChecklistListView {
    return { items: this.inspections.checklists(query.on) };
  }

  /**
   * A regulator of the domain's agency (health: hygiene), in reach; the facility submitted, registered or suspended.
   * Open to every signed-in role so that a facility out of the caller's reach answers 404 before any 403 (docs/api.md).
   */
  @Post('facilities/:id/inspections')
  @ApiOperation({ summary: '记录检查 · Record an inspection' })
  @Access.signedIn()
  @ApiCreatedResponse({ type: InspectionView })
  async record(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) facilityId: string,
    @Body() dto: CreateInspectionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const inspection = await this.inspections.record(actor, facilityId, dto);
    void reply.header('Location', `/api/v1/inspections/${inspection.id}`);
    return inspection;
  }

  @Get('facilities/:id/inspections')
  @ApiOperation({ summary: "机构的检查记录 · List a facility's inspections" })
  @Access.signedIn()
  @ApiOkResponse({ type: InspectionListView })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) facilityId: string,
    @Query() query: ListQuery,
  ): Promise<InspectionListView> {
    return this.inspections.list(actor, facilityId, query);
  }

  @Get('inspections/:id')
  @ApiOperation({ summary: '查看检查 · Get an inspection' })
  @Access.signedIn()
  @ApiOkResponse({ type: InspectionView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<InspectionView> {
    return this.inspections.get(actor, id);
  }

  /** Like recording: 404 for an inspection out of reach, then 403 for a caller who is not of its agency. */
  @Post('inspections/:id/amendments')
  @ApiOperation({ summary: '更正检查记录 · Amend an inspection' })
  @Access.signedIn()
  @ApiCreatedResponse({ type: InspectionView })
  amend(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: AmendmentDto): Promise<InspectionView> {
    return this.inspections.amend(actor, id, dto);
  }

  @Get('rectification-orders')
  @ApiOperation({ summary: '整改通知列表 · List rectification orders' })
  @Access.signedIn()
  @ApiOkResponse({ type: OrderListView })
  orders(@CurrentActor() actor: Actor, @Query() query: OrderListQuery): Promise<OrderListView> {
    return this.rectification.list(actor, query);
  }

  @Post('rectification-orders/:id/response')
  @ApiOperation({ summary: '举办者回复整改 · Respond to an order' })
  @HttpCode(200)
  @Access.operator()
  @ApiOkResponse({ type: OrderView })
  respond(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: OrderResponseDto): Promise<OrderView> {
    return this.rectification.respond(actor, id, dto.note);
  }

  @Post('rectification-orders/:id/verify')
  @ApiOperation({ summary: '核验整改 · Verify an order' })
  @HttpCode(200)
  @Access.regulator()
  @ApiOkResponse({ type: OrderView })
  verify(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: VerifyDto): Promise<OrderView> {
    return this.rectification.verify(actor, id, dto.accepted, dto.note);
  }

  @Get('inspection-plan')
  @ApiOperation({ summary: '检查计划（按风险） · Inspection plan (by risk)' })
  @Access.grants({ role: 'regulator' }, { role: 'admin' })
  @ApiOkResponse({ type: PlanView })
  plan(@CurrentActor() actor: Actor, @Query() query: PlanQuery): Promise<PlanView> {
    return this.plans.plan(actor, query);
  }
}
