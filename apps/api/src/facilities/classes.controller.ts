import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, type Actor } from '@lib/auth';
import { ClassListView, ClassView, CreateClassDto, FacilityService, UpdateClassDto } from '@lib/facilities';
import { StaffService } from '@lib/staff';
import { CurrentActor } from '../common/access.guard.js';
import { ifMatchVersion, setEtag } from '../common/etag.js';
import { notFoundUuid } from '../common/params.js';

@ApiTags('classes')
@ApiBearerAuth()
@Controller('api/v1')
export class ClassesController {
  constructor(
    private readonly facilities: FacilityService,
    private readonly staff: StaffService,
  ) {}

  @Post('facilities/:id/classes')
  @ApiOperation({ summary: '新增班级 · Add a class' })
  @Access.operator()
  @ApiCreatedResponse({ type: ClassView })
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) facilityId: string,
    @Body() dto: CreateClassDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const cls = await this.facilities.addClass(actor, facilityId, dto);
    setEtag(reply, cls.version);
    void reply.header('Location', `/api/v1/classes/${cls.id}`);
    return cls;
  }

  @Get('facilities/:id/classes')
  @ApiOperation({ summary: "机构的班级 · List a facility's classes" })
  @Access.signedIn()
  @ApiOkResponse({ type: ClassListView })
  async list(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) facilityId: string): Promise<ClassListView> {
    return { items: await this.facilities.listClasses(actor, facilityId) };
  }

  @Get('classes/:id')
  @ApiOperation({ summary: '查看班级 · Get a class' })
  @Access.signedIn()
  @ApiOkResponse({ type: ClassView })
  async get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const cls = await this.facilities.getClass(actor, id);
    setEtag(reply, cls.version);
    return cls;
  }

  @Patch('classes/:id')
  @ApiOperation({ summary: '修改班级（托位、在托人数） · Change a class (places, enrolled)' })
  @Access.operator()
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ClassView })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', notFoundUuid()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateClassDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const cls = await this.facilities.updateClass(actor, id, ifMatchVersion(ifMatch), dto);
    setEtag(reply, cls.version);
    return cls;
  }

  @Delete('classes/:id')
  @ApiOperation({ summary: '删除班级 · Delete a class' })
  @HttpCode(204)
  @Access.operator()
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<void> {
    // Through libs/staff, which unassigns the class's caregivers in the same transaction.
    await this.staff.removeClass(actor, id);
  }
}
