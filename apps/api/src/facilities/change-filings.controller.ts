import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import { AffordableDecisionDto, FacilityService, FacilityView } from '@lib/facilities';
import { CreditService } from '@lib/credit';
import {
  ApproveDto,
  ChangeCheckDto,
  ChangeCheckView,
  ChangeFilingListView,
  ChangeFilingQuery,
  ChangeFilingService,
  ChangeFilingView,
  CreateChangeFilingDto,
  ReasonDto,
} from '@lib/filing';
import { CurrentActor } from '../common/access.guard.js';
import { setEtag } from '../common/etag.js';
import { notFoundUuid } from '../common/params.js';

const HEALTH = { role: 'regulator', agencies: ['health'] } as const;

/** Change filings (变更备案) and 普惠 recognition (docs/api.md "Change filings (变更备案) and what counts", "Affordable (普惠) recognition"). */
@ApiTags('change-filings')
@ApiBearerAuth()
@Controller('api/v1')
export class ChangeFilingsController {
  constructor(
    private readonly changes: ChangeFilingService,
    private readonly facilities: FacilityService,
    private readonly credit: CreditService,
  ) {}

  @Post('facilities/:id/changes')
  @ApiOperation({ summary: '提交变更备案 · File a change' })
  @Access.operator()
  @ApiCreatedResponse({ type: ChangeFilingView })
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: CreateChangeFilingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChangeFilingView> {
    // A change to a credit code at level D is refused (422 credit_barred), then the change filing rules (libs/filing).
    const filing = await this.credit.fileChange(actor, id, dto);
    void reply.header('Location', `/api/v1/change-filings/${filing.id}`);
    return filing;
  }

  /** The live check of the "request a change" form: nothing is filed. */
  @Post('facilities/:id/changes/check')
  @ApiOperation({ summary: '变更后合规检查（不提交） · Check a change without filing it' })
  @HttpCode(200)
  @Access.operator()
  @ApiOkResponse({ type: ChangeCheckView })
  checkChange(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: ChangeCheckDto,
  ): Promise<ChangeCheckView> {
    return this.changes.checkChange(actor, id, dto);
  }

  @Get('facilities/:id/changes')
  @ApiOperation({ summary: "机构的变更备案 · List a facility's change filings" })
  @Access.signedIn()
  @ApiOkResponse({ type: ChangeFilingListView })
  async listForFacility(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ChangeFilingListView> {
    return { items: await this.changes.listForFacility(actor, id) };
  }

  @Get('change-filings')
  @ApiOperation({ summary: '变更备案列表 · List change filings' })
  @Access.grants({ role: 'regulator' }, { role: 'admin' })
  @ApiOkResponse({ type: ChangeFilingListView })
  queue(@CurrentActor() actor: Actor, @Query() query: ChangeFilingQuery): Promise<ChangeFilingListView> {
    return this.changes.queue(actor, query);
  }

  @Get('change-filings/:id')
  @ApiOperation({ summary: '查看变更备案 · Get a change filing' })
  @Access.signedIn()
  @ApiOkResponse({ type: ChangeFilingView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ChangeFilingView> {
    return this.changes.get(actor, id);
  }

  @Post('change-filings/:id/approve')
  @ApiOperation({ summary: '同意变更备案 · Approve a change filing' })
  @HttpCode(200)
  @Access.grants(HEALTH)
  @ApiOkResponse({ type: ChangeFilingView })
  approve(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: ApproveDto): Promise<ChangeFilingView> {
    return this.changes.approve(actor, id, dto.note);
  }

  @Post('change-filings/:id/reject')
  @ApiOperation({ summary: '退回变更备案 · Reject a change filing' })
  @HttpCode(200)
  @Access.grants(HEALTH)
  @ApiOkResponse({ type: ChangeFilingView })
  reject(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: ReasonDto): Promise<ChangeFilingView> {
    return this.changes.reject(actor, id, dto.reason);
  }

  @Post('change-filings/:id/withdraw')
  @ApiOperation({ summary: '撤回变更备案 · Withdraw a change filing' })
  @HttpCode(200)
  @Access.operator()
  @ApiOkResponse({ type: ChangeFilingView })
  withdraw(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ChangeFilingView> {
    return this.changes.withdraw(actor, id);
  }

  @Post('facilities/:id/affordable-recognition')
  @ApiOperation({ summary: '普惠认定 · Affordable (普惠) recognition' })
  @HttpCode(200)
  @Access.grants(HEALTH)
  @ApiOkResponse({ type: FacilityView })
  async affordable(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: AffordableDecisionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FacilityView> {
    const facility = await this.facilities.decideAffordable(actor, id, dto);
    setEtag(reply, facility.version);
    return facility;
  }
}
