import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registryConfig } from '@lib/core';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { FacilitiesModule } from '@lib/facilities';
import { StaffModule } from '@lib/staff';
import { RegistrationSequenceEntity } from './registration-sequence.entity.js';
import { FilingService } from './filing.service.js';
import { ChangeFilingEntity } from './change-filing.entity.js';
import { ChangeFilingService } from './change-filing.service.js';

@Module({
  imports: [
    ConfigModule.forFeature(registryConfig),
    TypeOrmModule.forFeature([RegistrationSequenceEntity, ChangeFilingEntity]),
    AuditModule,
    EventsModule,
    FacilitiesModule,
    StaffModule,
  ],
  providers: [FilingService, ChangeFilingService],
  exports: [FilingService, ChangeFilingService],
})
export class FilingModule {}
