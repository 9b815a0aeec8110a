import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Access,
  AuthService,
  ChangePasswordDto,
  LoginDto,
  LoginResultView,
  RegisterDto,
  RegisteredView,
  UserView,
  type Actor,
} from '@lib/auth';
import { CurrentActor } from '../common/access.guard.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiOperation({ summary: '注册举办者账号 · Register an operator account' })
  @Access.public()
  @ApiCreatedResponse({ type: RegisteredView })
  async register(
    @Body() dto: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisteredView> {
    const user = await this.auth.register(dto, request.ip);
    void reply.header('Location', `/api/v1/users/${user.id}`);
    return user;
  }

  @Post('login')
  @ApiOperation({ summary: '登录 · Sign in' })
  @HttpCode(200)
  @Access.public()
  @ApiOkResponse({ type: LoginResultView })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<LoginResultView> {
    return this.auth.login(dto.username, dto.password, request.ip);
  }

  @Get('me')
  @ApiOperation({ summary: '当前用户 · The signed-in user' })
  @Access.anyUser()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.auth.get(actor, actor.id);
  }

  /** The caller's own password; every token of the caller ends (204, then sign in again). */
  @Post('password')
  @ApiOperation({ summary: "修改本人密码 · Change one's own password" })
  @HttpCode(204)
  @Access.anyUser()
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  /** Ends every token of the caller (all of its sessions). */
  @Post('logout')
  @ApiOperation({ summary: '退出登录 · Sign out' })
  @HttpCode(204)
  @Access.anyUser()
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }
}
