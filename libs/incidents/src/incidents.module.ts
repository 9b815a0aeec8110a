import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { incidentsConfig } from '@lib/core';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { FacilitiesModule } from '@lib/facilities';
import { InspectionsModule } from '@lib/inspections';
import { DrillEntity, IncidentEntity, IncidentUpdateEntity } from './incident.entity.js';
import { IncidentService } from './incident.service.js';

@Module({
  imports: [
    ConfigModule.forFeature(incidentsConfig),
    TypeOrmModule.forFeature([IncidentEntity, IncidentUpdateEntity, DrillEntity]),
    AuditModule,
    EventsModule,
    FacilitiesModule,
    InspectionsModule,
  ],
  providers: [IncidentService],
  exports: [IncidentService],
})
export class IncidentsModule {}
