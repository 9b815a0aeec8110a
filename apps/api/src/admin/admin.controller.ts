import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, AuthService, type Actor } from '@lib/auth';
import { CurrentActor } from '../common/access.guard.js';
import { QUEUES_COOKIE, QUEUES_PATH } from './queues.js';

const SESSION_SECONDS = 600;

@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/v1/admin')
export class AdminController {
  constructor(private readonly auth: AuthService) {}

  /** Issues the queue dashboard's cookie: HttpOnly, ten minutes, sent only to /admin/queues. */
  @Post('queues-session')
  @ApiOperation({ summary: '打开队列面板会话 · Open a queue dashboard session' })
  @HttpCode(204)
  @Access.admin()
  @ApiNoContentResponse()
  async queuesSession(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = await this.auth.issueQueuesToken(actor, SESSION_SECONDS);
    void reply.header(
      'Set-Cookie',
      `${QUEUES_COOKIE}=${token}; Path=${QUEUES_PATH}; Max-Age=${SESSION_SECONDS}; HttpOnly; SameSite=Strict`,
    );
  }
}
