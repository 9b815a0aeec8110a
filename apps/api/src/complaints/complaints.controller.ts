import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Access, type Actor } from '@lib/auth';
import {
  CloseComplaintDto,
  ComplaintListQuery,
  ComplaintListView,
  ComplaintService,
  ComplaintView,
  InvestigateComplaintDto,
  UnregisteredQuery,
  UnregisteredView,
} from '@lib/complaints';
import { CurrentActor } from '../common/access.guard.js';
import { notFoundUuid } from '../common/params.js';

/** Handling complaints: regulators in reach; operators read those about their own facilities (no contact). */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintService) {}

  @Get()
  @ApiOperation({ summary: '投诉列表 · List complaints' })
  @Access.grants({ role: 'regulator' }, { role: 'operator' }, { role: 'admin' })
  @ApiOkResponse({ type: ComplaintListView })
  list(@CurrentActor() actor: Actor, @Query() query: ComplaintListQuery): Promise<ComplaintListView> {
    return this.complaints.list(actor, query);
  }

  @Get('unregistered.geojson')
  @ApiOperation({ summary: '未备案机构举报地图 · Unregistered-provider reports (GeoJSON)' })
  @Access.grants({ role: 'regulator' }, { role: 'admin' })
  @Header('Content-Type', 'application/geo+json; charset=utf-8')
  @ApiProduces('application/geo+json')
  @ApiOkResponse({
    type: UnregisteredView,
    description: 'the open `unregistered` reports in reach; `reports` counts the reports of its group (within 100 m of each other)',
  })
  unregistered(@CurrentActor() actor: Actor, @Query() query: UnregisteredQuery): Promise<string> {
    return this.complaints.unregistered(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看投诉 · Get a complaint' })
  @Access.grants({ role: 'regulator' }, { role: 'operator' }, { role: 'admin' })
  @ApiOkResponse({ type: ComplaintView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ComplaintView> {
    return this.complaints.get(actor, id);
  }

  @Post(':id/investigate')
  @ApiOperation({ summary: '受理调查 · Investigate a complaint' })
  @HttpCode(200)
  @Access.grants({ role: 'regulator', agencies: ['health'] })
  @ApiOkResponse({ type: ComplaintView })
  investigate(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Body() dto: InvestigateComplaintDto,
  ): Promise<ComplaintView> {
    return this.complaints.investigate(actor, id, dto);
  }

  @Post(':id/close')
  @ApiOperation({ summary: '办结投诉 · Close a complaint' })
  @HttpCode(200)
  @Access.regulator()
  @ApiOkResponse({ type: ComplaintView })
  close(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: CloseComplaintDto): Promise<ComplaintView> {
    return this.complaints.close(actor, id, dto);
  }
}
