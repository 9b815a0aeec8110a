import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @Access.admin()
  @ApiOkResponse({ type: UserListView })
  list(@Query() query: ListQueryDto): Promise<UserListView> {
    return this.auth.list(query.limit, query.cursor);
  }

  /** Any signed-in user may ask; only the admin or the user itself gets an answer (404 otherwise). */
  @Get(':id')
  @Access.anyUser()
  @ApiOkResponse({ type: UserView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<UserView> {
    return this.auth.get(actor, id);
  }

  /** A regulator's agency and region (re-scoping, effective at the user's next request), or the display name. */
  @Patch(':id')
  @Access.admin()
  @ApiOkResponse({ type: UserView })
  update(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.auth.update(actor, id, dto);
  }

  /** An admin sets a new password; the user's tokens end. */
  @Post(':id/password')
  @HttpCode(204)
  @Access.admin()
  @ApiNoContentResponse()
  async resetPassword(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.auth.resetPassword(actor, id, dto.newPassword);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Access.admin()
  @ApiOkResponse({ type: UserView })
  disable(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<UserView> {
    return this.auth.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Access.admin()
  @ApiOkResponse({ type: UserView })
  enable(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<UserView> {
    return this.auth.setDisabled(actor, id, false);
  }
}
