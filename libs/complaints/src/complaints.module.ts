import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { identityConfig } from '@lib/core';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { RegionsModule } from '@lib/regions';
import { FacilitiesModule } from '@lib/facilities';
import { ComplaintEntity } from './complaint.entity.js';
import { ComplaintService } from './complaint.service.js';

@Module({
  imports: [
    ConfigModule.forFeature(identityConfig),
    TypeOrmModule.forFeature([ComplaintEntity]),
    AuditModule,
    EventsModule,
    RegionsModule,
    FacilitiesModule,
  ],
  providers: [ComplaintService],
  exports: [ComplaintService],
})
export class ComplaintsModule {}
