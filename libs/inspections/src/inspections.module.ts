import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { FacilitiesModule } from '@lib/facilities';
import { FilingModule } from '@lib/filing';
import { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';
import { InspectionService } from './inspection.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([InspectionEntity, InspectionAmendmentEntity, RectificationOrderEntity]),
    AuditModule,
    EventsModule,
    FacilitiesModule,
    FilingModule,
  ],
  providers: [InspectionService],
  exports: [InspectionService],
})
export class InspectionsModule {}
