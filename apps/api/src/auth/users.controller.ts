import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, AuthService, CreateUserDto, ResetPasswordDto, UpdateUserDto, UserListView, UserView, type Actor } from '@lib/auth';
import { CurrentActor } from '../common/access.guard.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { notFoundUuid } from '../common/params.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @ApiOperation({ summary: '创建用户 · Create a user' })
  @Access.admin()
  @ApiCreatedResponse({ type: UserView })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserView> {
    const user = await this.auth.createUser(actor, dto);
    void reply.header('Location', `/api/v1/users/${user.id}`);
    return user;
  }

  @Get()
  @ApiOperation({ summary: '用户列表 · List users' })
  @Access.admin()
  @ApiOkResponse({ type: UserListView })
  list(@Query() query: ListQueryDto): Promise<UserListView> {
    return this.auth.list(query.limit, query.cursor);
  }

  /** Any signed-in user may ask; only the admin or the user itself gets an answer (404 otherwise). */
  @Get(':id')
  @ApiOperation({ summary: '查看用户 · Get a user' })
  @Access.anyUser()
  @ApiOkResponse({ type: UserView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<UserView> {
    return this.auth.get(actor, id);
  }

  /** A regulator's agency and region (re-scoping, effective at the user's next request), or the display name. */
  @Patch(':id')
  @ApiOperation({ summary: '修改用户 · Change a user' })
  @Access.admin()
  @ApiOkResponse({ type: UserView })
  update(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.auth.update(actor, id, dto);
  }

  /** An admin sets a new password; the user's tokens end. */
  @Post(':id/password')
  @ApiOperation({ summary: "重置用户密码 · Reset a user's password" })
  @HttpCode(204)
  @Access.admin()
  @ApiNoContentResponse()
  async resetPassword(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.auth.resetPassword(actor, id, dto.newPassword);
  }

  @Post(':id/disable')
  @ApiOperation({ summary: '停用用户 · Disable a user' })
  @HttpCode(200)
  @Access.admin()
  @ApiOkResponse({ type: UserView })
  disable(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<UserView> {
    return this.auth.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @ApiOperation({ summary: '启用用户 · Enable a user' })
  @HttpCode(200)
  @Access.admin()
  @ApiOkResponse({ type: UserView })
  enable(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<UserView> {
    return this.auth.setDisabled(actor, id, false);
  }
}
