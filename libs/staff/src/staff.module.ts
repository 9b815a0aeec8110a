import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { identityConfig } from '@lib/core';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { FacilitiesModule } from '@lib/facilities';
import { StaffEntity } from './staff.entity.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [ConfigModule.forFeature(identityConfig), TypeOrmModule.forFeature([StaffEntity]), AuditModule, EventsModule, FacilitiesModule],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
