import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { FacilitiesModule } from '@lib/facilities';
import { StaffModule } from '@lib/staff';
import { RegistrationSequenceEntity } from './registration-sequence.entity.js';
import { FilingService } from './filing.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RegistrationSequenceEntity]), AuditModule, EventsModule, FacilitiesModule, StaffModule],
  providers: [FilingService],
  exports: [FilingService],
})
export class FilingModule {}
