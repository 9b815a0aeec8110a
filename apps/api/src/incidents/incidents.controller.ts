import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import {
  AcknowledgeIncidentDto,
  CloseIncidentDto,
  CreateDrillDto,
  CreateIncidentDto,
  DrillListView,
  DrillView,
  IncidentListQuery,
  IncidentListView,
  IncidentNoteDto,
  IncidentService,
  IncidentView,
} from '@lib/incidents';
import { CurrentActor } from '../common/access.guard.js';
import { notFoundUuid } from '../common/params.js';

/** Incidents (突发事件) and drills (docs/api.md "Incidents (突发事件) and drills"). */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1')
export class IncidentsController {
  constructor(private readonly incidents: IncidentService) {}

  /** The owner reports; a regulator in reach records a report it received. */
  @Post('facilities/:id/incidents')
  @ApiOperation({ summary: '报告事件 · Report an incident' })
  @Access.grants({ role: 'operator' }, { role: 'regulator' })
  @ApiCreatedResponse({ type: IncidentView })
  async report(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) facilityId: string,
    @Body() dto: CreateIncidentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IncidentView> {
    const incident = await this.incidents.report(actor, facilityId, dto);
    void reply.header('Location', `/api/v1/incidents/${incident.id}`);
    return incident;
  }

  @Get('incidents')
  @ApiOperation({ summary: '事件列表 · List incidents' })
  @Access.signedIn()
  @ApiOkResponse({ type: IncidentListView })
  list(@CurrentActor() actor: Actor, @Query() query: IncidentListQuery): Promise<IncidentListView> {
    return this.incidents.list(actor, query);
  }

  @Get('incidents/:id')
  @ApiOperation({ summary: '查看事件 · Get an incident' })
  @Access.signedIn()
  @ApiOkResponse({ type: IncidentView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<IncidentView> {
    return this.incidents.get(actor, id);
  }

  /** Health in reach, or the agency of the kind (market: food poisoning; fire: fires). */
  @Post('incidents/:id/acknowledge')
  @ApiOperation({ summary: '确认收到事件 · Acknowledge an incident' })
  @HttpCode(200)
  @Access.regulator()
  @ApiOkResponse({ type: IncidentView })
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: AcknowledgeIncidentDto,
  ): Promise<IncidentView> {
    return this.incidents.acknowledge(actor, id, dto.note);
  }

  /** A note on the timeline, from the owner or a regulator in reach: 201 with the incident. */
  @Post('incidents/:id/updates')
  @ApiOperation({ summary: '补充事件进展 · Add an update to an incident' })
  @Access.grants({ role: 'operator' }, { role: 'regulator' })
  @ApiCreatedResponse({ type: IncidentView })
  update(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: IncidentNoteDto): Promise<IncidentView> {
    return this.incidents.addUpdate(actor, id, dto.note);
  }

  @Post('incidents/:id/close')
  @ApiOperation({ summary: '结案 · Close an incident' })
  @HttpCode(200)
  @Access.regulator(['health'])
  @ApiOkResponse({ type: IncidentView })
  close(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: CloseIncidentDto): Promise<IncidentView> {
    return this.incidents.close(actor, id, dto);
  }

  @Post('facilities/:id/drills')
  @ApiOperation({ summary: '记录演练 · Record a drill' })
  @Access.operator()
  @ApiCreatedResponse({ type: DrillView })
  logDrill(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) facilityId: string, @Body() dto: CreateDrillDto): Promise<DrillView> {
    return this.incidents.logDrill(actor, facilityId, dto);
  }

  @Get('facilities/:id/drills')
  @ApiOperation({ summary: "机构的演练记录 · List a facility's drills" })
  @Access.signedIn()
  @ApiOkResponse({ type: DrillListView })
  async drills(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) facilityId: string): Promise<DrillListView> {
    return { items: await this.incidents.drills(actor, facilityId) };
  }
}
