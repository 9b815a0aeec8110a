import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthChecksView {
  @ApiProperty({ enum: ['up', 'down'] }) postgres: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
}

/** `GET /health`: 200 when PostgreSQL and Redis answer, 503 naming what is down. */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'down'] }) status: 'ok' | 'down';
  @ApiProperty({ type: HealthChecksView }) checks: HealthChecksView;
  @ApiPropertyOptional({ type: [String], description: 'what is down' }) down?: string[];
}

/** `GET /health/live`: the process answers. */
export class LiveView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** `GET /health/ready`: 503 while PostgreSQL is down or the process drains; "degraded" names Redis while only it is away. */
export class ReadyView {
  @ApiProperty({ enum: ['ok', 'degraded', 'draining', 'down'] }) status: 'ok' | 'degraded' | 'draining' | 'down';
  @ApiPropertyOptional({ type: HealthChecksView, description: 'absent while draining' }) checks?: HealthChecksView;
  @ApiPropertyOptional({ type: [String], description: 'what is down' }) down?: string[];
  @ApiPropertyOptional({ type: [String], description: 'what is away but not needed to serve reads (redis)' }) degraded?: string[];
}
