import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, AuthService, CreateUserDto, UserListView, UserView, type Actor } from '@lib/auth';
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
  @Access.signedIn()
  @ApiOkResponse({ type: UserView })
  get(@CurrentActor() actor: Actor, @Param('id', notFoundUuid()) id: string): Promise<UserView> {
    return this.auth.get(actor, id);
  }
}
