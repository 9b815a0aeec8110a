import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@lib/auth';
import { HealthService } from './health.service.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when PostgreSQL and Redis answer, 503 naming what is down. */
  @Get()
  @Access.public()
  @ApiOkResponse({ description: '{ status: "ok", checks: { postgres: "up", redis: "up" } }' })
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
  @Access.public()
  @ApiOkResponse({ description: '{ status: "ok" }' })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: 503 while PostgreSQL does not answer (nothing can be served) and while the process drains before it
   * stops (SIGTERM); 200 with status "degraded" naming Redis while only Redis is away (reads go on; sign-ins and
   * job-driven effects wait).
   */
  @Get('ready')
  @Access.public()
  @ApiOkResponse({ description: '{ status: "ok"|"degraded"|"draining", checks: { postgres, redis }, degraded?: ["redis"] }' })
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
