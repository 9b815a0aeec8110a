import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registryConfig } from '@lib/core';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { RegionsModule } from '@lib/regions';
import { ClassEntity, FacilityEntity } from './facility.entity.js';
import { FacilityService } from './facility.service.js';

@Module({
  imports: [
    ConfigModule.forFeature(registryConfig),
    TypeOrmModule.forFeature([FacilityEntity, ClassEntity]),
    AuditModule,
    EventsModule,
    RegionsModule,
  ],
  providers: [FacilityService],
  exports: [FacilityService],
})
export class FacilitiesModule {}
