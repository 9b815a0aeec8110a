import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, type Actor } from '@lib/auth';
import { CreateStaffDto, EndListingDto, StaffListView, StaffQuery, StaffService, StaffView, UpdateStaffDto } from '@lib/staff';
import { CurrentActor } from '../common/access.guard.js';
import { notFoundUuid } from '../common/params.js';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post('facilities/:id/staff')
  @Access.operator()
  @ApiCreatedResponse({ type: StaffView })
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) facilityId: string,
    @Body() dto: CreateStaffDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffView> {
    const staff = await this.staff.add(actor, facilityId, dto);
    void reply.header('Location', `/api/v1/staff/${staff.id}`);
    return staff;
  }

  @Get('staff/:id')
  @Access.signedIn()
  @ApiOkResponse({ type: StaffView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<StaffView> {
    return this.staff.get(actor, id);
  }

  @Get('facilities/:id/staff')
  @Access.signedIn()
  @ApiOkResponse({ type: StaffListView })
  list(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) facilityId: string, @Query() query: StaffQuery): Promise<StaffListView> {
    return this.staff.list(actor, facilityId, query);
  }

  @Patch('staff/:id')
  @Access.operator()
  @ApiOkResponse({ type: StaffView })
  update(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: UpdateStaffDto): Promise<StaffView> {
    return this.staff.update(actor, id, dto);
  }

  /** Ends employment (sets endedOn); the record is kept. */
  @Delete('staff/:id')
  @HttpCode(204)
  @Access.operator()
  @ApiNoContentResponse()
  async end(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<void> {
    await this.staff.end(actor, id);
  }

  /** A health regulator in reach settles a multi-listing by ending this record (docs/api.md, staff ID oracle). */
  @Post('staff/:id/end-listing')
  @HttpCode(200)
  @Access.regulator(['health'])
  @ApiOkResponse({ type: StaffView })
  endListing(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: EndListingDto): Promise<StaffView> {
    return this.staff.endListing(actor, id, dto);
  }
}
