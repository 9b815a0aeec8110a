import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@lib/auth';
import { HealthService } from './health.service.js';
import { HealthView, LiveView, ReadyView } from './health.view.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when PostgreSQL and Redis answer, 503 naming what is down. */
  @Get()
  @ApiOperation({ summary: '健康检查 · Health check' })
  @Access.public()
  @ApiOkResponse({ type: HealthView, description: 'PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'something is down (named in `down`)' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = await this.health.check();
    const down = Object.entries(checks)
      .filter(([, v]) => v !== 'up')
      .map(([k]) => k);
    if (down.length > 0) void reply.status(503);
    return { status: down.length ? 'down' : 'ok', checks, ...(down.length ? { down } : {}) };
  }

  /** Liveness: the process answers (restart it when this fails); touches neither PostgreSQL nor Redis. */
  @Get('live')
  @ApiOperation({ summary: '存活检查 · Liveness' })
  @Access.public()
  @ApiOkResponse({ type: LiveView })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: 503 while PostgreSQL does not answer (nothing can be served) and while the process drains before it
   * stops (SIGTERM); 200 with status "degraded" naming Redis while only Redis is away (reads go on; sign-ins and
   * job-driven effects wait).
   */
  @Get('ready')
  @ApiOperation({ summary: '就绪检查 · Readiness' })
  @Access.public()
  @ApiOkResponse({ type: ReadyView, description: 'ok, or degraded naming Redis' })
  @ApiServiceUnavailableResponse({ type: ReadyView, description: 'PostgreSQL is down, or the process drains' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    if (this.health.draining) {
      void reply.status(503);
      return { status: 'draining' };
    }
    const checks = await this.health.check();
    if (checks.postgres !== 'up') {
      void reply.status(503);
      return { status: 'down', checks, down: ['postgres'] };
    }
    return checks.redis === 'up' ? { status: 'ok', checks } : { status: 'degraded', checks, degraded: ['redis'] };
  }
}
