import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import {
  appConfig,
  databaseConfig,
  auditConfig,
  ClockModule,
  DatabaseModule,
  figuresConfig,
  IdempotencyModule,
  outboxConfig,
  redisConfig,
  workerConfig,
} from '@lib/core';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { TargetsModule } from '@lib/targets';
import { FacilitiesModule } from '@lib/facilities';
import { OutboxRelay } from './outbox/outbox-relay.service.js';
import { FiguresProcessor } from './figures/figures.processor.js';
import { AlertsProcessor } from './alerts/alerts.processor.js';
import { ReportsProcessor } from './reports/reports.processor.js';
import { ReportsModule } from '@lib/reports';
import { ApplicationsModule } from '@lib/applications';
import { ApplicationsProcessor } from './applications/applications.processor.js';
import { CreditModule } from '@lib/credit';
import { CreditProcessor } from './credit/credit.processor.js';
import { MapProcessor } from './map/map.processor.js';
import { InspectionsModule } from '@lib/inspections';
import { PlanProcessor } from './plan/plan.processor.js';
import { IncidentsProcessor } from './incidents/incidents.processor.js';
import { QUEUE_PROCESSORS, QueueWorkers, type QueueProcessor } from './queue-workers.js';
import { Schedules } from './schedules.service.js';
import { AuditCheckpoints } from './audit/audit-checkpoints.service.js';
import { OutboxPruner } from './outbox/outbox-pruner.service.js';

const PROCESSORS = [
  FiguresProcessor,
  AlertsProcessor,
  ReportsProcessor,
  ApplicationsProcessor,
  CreditProcessor,
  MapProcessor,
  PlanProcessor,
  IncidentsProcessor,
];

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, databaseConfig, redisConfig, outboxConfig, workerConfig, figuresConfig, auditConfig],
    }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ReturnType<typeof appConfig>) => ({ pinoHttp: { level: app.logLevel } }),
    }),
    DatabaseModule,
    IdempotencyModule,
    ClockModule,
    AuditModule,
    EventsModule,
    TargetsModule,
    FacilitiesModule,
    ReportsModule,
    ApplicationsModule,
    CreditModule,
    InspectionsModule,
  ],
  providers: [
    ...PROCESSORS,
    { provide: QUEUE_PROCESSORS, inject: PROCESSORS, useFactory: (...processors: QueueProcessor[]) => processors },
    QueueWorkers,
    OutboxRelay,
    Schedules,
    AuditCheckpoints,
    OutboxPruner,
  ],
})
export class WorkerModule {}
