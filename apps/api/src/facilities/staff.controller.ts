import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: '新增工作人员 · Add a staff member' })
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
  @ApiOperation({ summary: '查看工作人员 · Get a staff member' })
  @Access.signedIn()
  @ApiOkResponse({ type: StaffView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<StaffView> {
    return this.staff.get(actor, id);
  }

  @Get('facilities/:id/staff')
  @ApiOperation({ summary: "机构的工作人员 · List a facility's staff" })
  @Access.signedIn()
  @ApiOkResponse({ type: StaffListView })
  list(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) facilityId: string, @Query() query: StaffQuery): Promise<StaffListView> {
    return this.staff.list(actor, facilityId, query);
  }

  @Patch('staff/:id')
  @ApiOperation({ summary: '修改工作人员 · Change a staff member' })
  @Access.operator()
  @ApiOkResponse({ type: StaffView })
  update(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: UpdateStaffDto): Promise<StaffView> {
    return this.staff.update(actor, id, dto);
  }

  /** Ends employment (sets endedOn); the record is kept. */
  @Delete('staff/:id')
  @ApiOperation({ summary: "工作人员离职 · End a staff member's employment" })
  @HttpCode(204)
  @Access.operator()
  @ApiNoContentResponse()
  async end(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<void> {
    await this.staff.end(actor, id);
  }

  /** A health regulator in reach settles a multi-listing by ending this record (docs/api.md, staff ID oracle). */
  @Post('staff/:id/end-listing')
  @ApiOperation({ summary: '解除多处登记 · End a multiple listing' })
  @HttpCode(200)
  @Access.regulator(['health'])
  @ApiOkResponse({ type: StaffView })
  endListing(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: EndListingDto): Promise<StaffView> {
    return this.staff.endListing(actor, id, dto);
  }
}
