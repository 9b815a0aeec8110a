import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, type Actor } from '@lib/auth';
import {
  CloseComplaintDto,
  ComplaintListQuery,
  ComplaintListView,
  ComplaintService,
  ComplaintView,
  InvestigateComplaintDto,
  UnregisteredQuery,
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
  @Access.grants({ role: 'regulator' }, { role: 'operator' }, { role: 'admin' })
  @ApiOkResponse({ type: ComplaintListView })
  list(@CurrentActor() actor: Actor, @Query() query: ComplaintListQuery): Promise<ComplaintListView> {
    return this.complaints.list(actor, query);
  }

  @Get('unregistered.geojson')
  @Access.grants({ role: 'regulator' }, { role: 'admin' })
  @Header('Content-Type', 'application/geo+json; charset=utf-8')
  @ApiProduces('application/geo+json')
  @ApiOkResponse({
    description:
      'GeoJSON FeatureCollection of the open `unregistered` reports in reach: properties { id, group, reports, providerName, ' +
      'address, status, regionCode, createdAt }; `reports` counts the reports of its group (within 100 m of each other)',
  })
  unregistered(@CurrentActor() actor: Actor, @Query() query: UnregisteredQuery): Promise<string> {
    return this.complaints.unregistered(actor, query);
  }

  @Get(':id')
  @Access.grants({ role: 'regulator' }, { role: 'operator' }, { role: 'admin' })
  @ApiOkResponse({ type: ComplaintView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<ComplaintView> {
    return this.complaints.get(actor, id);
  }

  @Post(':id/investigate')
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
  @HttpCode(200)
  @Access.regulator()
  @ApiOkResponse({ type: ComplaintView })
  close(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: CloseComplaintDto): Promise<ComplaintView> {
    return this.complaints.close(actor, id, dto);
  }
}
