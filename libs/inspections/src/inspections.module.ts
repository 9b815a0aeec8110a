import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { FacilitiesModule } from '@lib/facilities';
import { FilingModule } from '@lib/filing';
import { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';
import { InspectionPlanService } from './inspection-plan.service.js';
import { PlanItemsService } from './plan-items.js';
import { InspectionRecordService } from './inspection-record.service.js';
import { PublicInspectionService } from './public-inspection.service.js';
import { RectificationOrderService } from './rectification-order.service.js';

const SERVICES = [InspectionRecordService, RectificationOrderService, InspectionPlanService, PlanItemsService, PublicInspectionService];

@Module({
  imports: [
    TypeOrmModule.forFeature([InspectionEntity, InspectionAmendmentEntity, RectificationOrderEntity]),
    AuditModule,
    EventsModule,
    FacilitiesModule,
    FilingModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class InspectionsModule {}
