import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import { CreateFacilityDto, FacilityListQuery, FacilityListView, FacilityService, FacilityView, UpdateFacilityDto } from '@lib/facilities';
import { ApproveDto, ComplianceView, FilingService, HistoryView, PlacementPlanView, ReasonDto, StatusActionDto } from '@lib/filing';
import { CreditService } from '@lib/credit';
import { CurrentActor } from '../common/access.guard.js';
import { ifMatchVersion, setEtag } from '../common/etag.js';
import { notFoundUuid } from '../common/params.js';
import { ListQueryDto } from '../common/list-query.dto.js';

const HEALTH = { role: 'regulator', agencies: ['health'] } as const;

@ApiTags('facilities')
@ApiBearerAuth()
@Controller('api/v1/facilities')
export class FacilitiesController {
  constructor(
    private readonly facilities: FacilityService,
    private readonly filing: FilingService,
    private readonly credit: CreditService,
  ) {}

  @Post()
  @ApiOperation({ summary: '新建机构（草稿） · Create a facility (draft)' })
  @Access.operator()
  @ApiCreatedResponse({ type: FacilityView })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateFacilityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FacilityView> {
    return this.tagged(reply, await this.facilities.create(actor, dto), true);
  }

  @Get()
  @ApiOperation({ summary: '机构列表 · List facilities' })
  @Access.signedIn()
  @ApiOkResponse({ type: FacilityListView })
  list(@CurrentActor() actor: Actor, @Query() query: FacilityListQuery): Promise<FacilityListView> {
    return this.facilities.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看机构 · Get a facility' })
  @Access.signedIn()
  @ApiOkResponse({ type: FacilityView })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FacilityView> {
    return this.tagged(reply, await this.facilities.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改机构 · Change a facility' })
  @Access.operator()
  @ApiHeader({ name: 'If-Match', required: true, description: 'the ETag last read' })
  @ApiOkResponse({ type: FacilityView })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateFacilityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FacilityView> {
    return this.tagged(reply, await this.facilities.update(actor, id, ifMatchVersion(ifMatch), dto));
  }

  @Post(':id/submit')
  @ApiOperation({ summary: '提交备案 · Submit for registration' })
  @HttpCode(200)
  @Access.operator()
  @ApiOkResponse({ type: FacilityView })
  async submit(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    // An operator at credit level D cannot file (422 credit_barred), then the filing requirements (libs/filing).
    return this.tagged(reply, await this.credit.submit(actor, id));
  }

  @Post(':id/approve')
  @ApiOperation({ summary: '准予备案 · Approve the filing' })
  @HttpCode(200)
  @Access.grants(HEALTH)
  @ApiOkResponse({ type: FacilityView })
  async approve(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: ApproveDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tagged(reply, await this.filing.approve(actor, id, dto.note));
  }

  @Post(':id/reject')
  @ApiOperation({ summary: '退回备案 · Reject the filing' })
  @HttpCode(200)
  @Access.grants(HEALTH)
  @ApiOkResponse({ type: FacilityView })
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: ReasonDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tagged(reply, await this.filing.reject(actor, id, dto.reason));
  }

  @Post(':id/suspend')
  @ApiOperation({ summary: '暂停 · Suspend' })
  @HttpCode(200)
  @Access.grants(HEALTH)
  @ApiOkResponse({ type: FacilityView })
  async suspend(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: StatusActionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tagged(reply, await this.filing.suspend(actor, id, dto.reason, dto.incidentId));
  }

  @Post(':id/reinstate')
  @ApiOperation({ summary: '恢复 · Reinstate' })
  @HttpCode(200)
  @Access.grants(HEALTH)
  @ApiOkResponse({ type: FacilityView })
  async reinstate(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.tagged(reply, await this.filing.reinstate(actor, id));
  }

  @Post(':id/close')
  @ApiOperation({ summary: '注销（附分流安置方案） · Close (with a placement plan)' })
  @HttpCode(200)
  @Access.grants(HEALTH, { role: 'operator' })
  @ApiOkResponse({ type: FacilityView })
  async close(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: StatusActionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.tagged(reply, await this.filing.close(actor, id, dto.reason, dto.incidentId));
  }

  @Get(':id/placement-plan')
  @ApiOperation({ summary: '分流安置方案 · Placement plan' })
  @Access.signedIn()
  @ApiOkResponse({ type: PlacementPlanView })
  placementPlan(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<PlacementPlanView> {
    return this.filing.placementPlan(actor, id);
  }

  @Get(':id/compliance')
  @ApiOperation({ summary: '设置标准核查 · Compliance with the standards' })
  @Access.signedIn()
  @ApiOkResponse({ type: ComplianceView })
  compliance(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ComplianceView> {
    return this.filing.compliance(actor, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: '变更记录 · Change history' })
  @Access.signedIn()
  @ApiOkResponse({ type: HistoryView })
  history(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Query() query: ListQueryDto): Promise<HistoryView> {
    return this.filing.history(actor, id, query.limit, query.cursor);
  }

  private tagged(reply: FastifyReply, facility: FacilityView, created = false): FacilityView {
    setEtag(reply, facility.version);
    if (created) void reply.header('Location', `/api/v1/facilities/${facility.id}`);
    return facility;
  }
}
