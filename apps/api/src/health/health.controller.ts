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
}
