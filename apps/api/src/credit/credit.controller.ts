import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import {
  CreatePenaltyDto,
  CreditListQuery,
  CreditListView,
  CreditService,
  CreditView,
  PenaltyListView,
  PenaltyView,
  RevokePenaltyDto,
} from '@lib/credit';
import { CurrentActor } from '../common/access.guard.js';
import { languageOf } from '../common/language.js';
import { notFoundUuid } from '../common/params.js';

/** Administrative penalties and operators' credit (docs/api.md "Penalties (行政处罚) and credit (信用)"). */
@ApiTags('credit')
@ApiBearerAuth()
@Controller('api/v1')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Post('facilities/:id/penalties')
  @ApiOperation({ summary: '记录行政处罚 · Record a penalty' })
  @Access.regulator()
  @ApiCreatedResponse({ type: PenaltyView })
  async record(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) facilityId: string,
    @Body() dto: CreatePenaltyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PenaltyView> {
    const penalty = await this.credit.recordPenalty(actor, facilityId, dto);
    void reply.header('Location', `/api/v1/facilities/${facilityId}/penalties`);
    return penalty;
  }

  @Get('facilities/:id/penalties')
  @ApiOperation({ summary: "机构的行政处罚 · List a facility's penalties" })
  @Access.signedIn()
  @ApiOkResponse({ type: PenaltyListView })
  async penalties(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) facilityId: string): Promise<PenaltyListView> {
    return { items: await this.credit.penalties(actor, facilityId) };
  }

  @Post('penalties/:id/revoke')
  @ApiOperation({ summary: '撤销行政处罚 · Revoke a penalty' })
  @HttpCode(200)
  @Access.regulator()
  @ApiOkResponse({ type: PenaltyView })
  revoke(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: RevokePenaltyDto): Promise<PenaltyView> {
    return this.credit.revoke(actor, id, dto.reason);
  }

  @Get('credit')
  @ApiOperation({ summary: '信用等级列表 · List credit levels' })
  @Access.grants({ role: 'regulator' }, { role: 'admin' })
  @ApiOkResponse({ type: CreditListView })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: CreditListQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CreditListView> {
    return this.credit.list(actor, query, languageOf(acceptLanguage));
  }

  @Get('credit/:creditCode')
  @ApiOperation({ summary: "举办者信用 · An operator's credit" })
  @Access.grants({ role: 'regulator' }, { role: 'admin' })
  @ApiOkResponse({ type: CreditView })
  get(
    @CurrentActor() actor: Actor,
    @Param('creditCode') creditCode: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<CreditView> {
    return this.credit.get(actor, creditCode, languageOf(acceptLanguage));
  }
}
