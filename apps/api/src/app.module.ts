import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import {
  appConfig,
  ClockModule,
  authConfig,
  DatabaseModule,
  httpConfig,
  IdempotencyModule,
  identityConfig,
  mapConfig,
  redisConfig,
} from '@lib/core';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { AuthModule } from '@lib/auth';
import { RegionsModule } from '@lib/regions';
import { TargetsModule } from '@lib/targets';
import { FacilitiesModule } from '@lib/facilities';
import { ApplicationsModule } from '@lib/applications';
import { StaffModule } from '@lib/staff';
import { FilingModule } from '@lib/filing';
import { InspectionsModule } from '@lib/inspections';
import { IncidentsModule } from '@lib/incidents';
import { ComplaintsModule } from '@lib/complaints';
import { CreditModule } from '@lib/credit';
import { ReportsModule } from '@lib/reports';
import { SearchModule } from '@lib/search';
import { AccessGuard } from './common/access.guard.js';
import { PolicyCheck } from './common/policy-check.js';
import { ProblemFilter } from './common/problem.filter.js';
import { loggerOptions } from './common/logging.js';
import { AuthController } from './auth/auth.controller.js';
import { UsersController } from './auth/users.controller.js';
import { RegionsController } from './regions/regions.controller.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { MapConfigController } from './web/map-config.controller.js';
import { FacilitiesController } from './facilities/facilities.controller.js';
import { ChangeFilingsController } from './facilities/change-filings.controller.js';
import { ClassesController } from './facilities/classes.controller.js';
import { StaffController } from './facilities/staff.controller.js';
import { InspectionsController } from './inspections/inspections.controller.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { AlertsController } from './alerts/alerts.controller.js';
import { ReportsController } from './reports/reports.controller.js';
import { AdminController } from './admin/admin.controller.js';
import { IdempotencyInterceptor } from './common/idempotency.interceptor.js';
import { PublicFacilitiesController } from './search/public-facilities.controller.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { PublicComplaintsController } from './complaints/public-complaints.controller.js';
import { ComplaintsController } from './complaints/complaints.controller.js';
import { CreditController } from './credit/credit.controller.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, httpConfig, redisConfig, authConfig, mapConfig, identityConfig],
    }),
    LoggerModule.forRootAsync({ inject: [appConfig.KEY], useFactory: loggerOptions }),
    DiscoveryModule,
    DatabaseModule,
    IdempotencyModule,
    ClockModule,
    AuditModule,
    EventsModule,
    AuthModule,
    RegionsModule,
    TargetsModule,
    FacilitiesModule,
    ApplicationsModule,
    StaffModule,
    FilingModule,
    InspectionsModule,
    IncidentsModule,
    ComplaintsModule,
    CreditModule,
    SearchModule,
    ReportsModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    RegionsController,
    HealthController,
    MapConfigController,
    FacilitiesController,
    ClassesController,
    ChangeFilingsController,
    StaffController,
    InspectionsController,
    IncidentsController,
    AlertsController,
    ReportsController,
    AdminController,
    PublicFacilitiesController,
    ApplicationsController,
    PublicComplaintsController,
    ComplaintsController,
    CreditController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    PolicyCheck,
    HealthService,
  ],
})
export class AppModule {}
