import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import {
  AcceptedOfferView,
  ApplicationListQuery,
  ApplicationListView,
  ApplicationService,
  ApplicationView,
  CreateApplicationDto,
  CreateOfferDto,
  OfferView,
} from '@lib/applications';
import { CurrentActor } from '../common/access.guard.js';
import { notFoundUuid } from '../common/params.js';

/** Parents' applications and the operators' queues (docs/api.md "Parents: applications and the waitlist"). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/v1')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationService) {}

  @Post('applications')
  @ApiOperation({ summary: '提交入托申请 · Apply for a place' })
  @Access.parent()
  @ApiCreatedResponse({ type: ApplicationView })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateApplicationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    const view = await this.applications.apply(actor, dto);
    void reply.header('Location', `/api/v1/applications/${view.id}`);
    return view;
  }

  @Get('applications')
  @ApiOperation({ summary: '入托申请列表 · List applications' })
  @Access.grants({ role: 'parent' }, { role: 'operator' })
  @ApiOkResponse({ type: ApplicationListView })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery): Promise<ApplicationListView> {
    return this.applications.list(actor, query);
  }

  @Get('applications/:id')
  @ApiOperation({ summary: '查看入托申请 · Get an application' })
  @Access.grants({ role: 'parent' }, { role: 'operator' })
  @ApiOkResponse({ type: ApplicationView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ApplicationView> {
    return this.applications.get(actor, id);
  }

  @Post('applications/:id/withdraw')
  @ApiOperation({ summary: '撤回入托申请 · Withdraw an application' })
  @HttpCode(200)
  @Access.parent()
  @ApiOkResponse({ type: ApplicationView })
  withdraw(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ApplicationView> {
    return this.applications.withdraw(actor, id);
  }

  @Post('applications/:id/offers')
  @ApiOperation({ summary: '发出学位 · Offer a place' })
  @Access.operator()
  @ApiCreatedResponse({ type: OfferView })
  offer(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: CreateOfferDto): Promise<OfferView> {
    return this.applications.offer(actor, id, dto);
  }

  @Post('offers/:id/accept')
  @ApiOperation({ summary: '接受学位 · Accept an offer' })
  @HttpCode(200)
  @Access.parent()
  @ApiOkResponse({ type: AcceptedOfferView })
  accept(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<AcceptedOfferView> {
    return this.applications.accept(actor, id);
  }

  @Post('offers/:id/decline')
  @ApiOperation({ summary: '放弃学位 · Decline an offer' })
  @HttpCode(200)
  @Access.parent()
  @ApiOkResponse({ type: AcceptedOfferView })
  decline(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<AcceptedOfferView> {
    return this.applications.decline(actor, id);
  }
}
