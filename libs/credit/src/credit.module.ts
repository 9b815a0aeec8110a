import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { FacilitiesModule } from '@lib/facilities';
import { FilingModule } from '@lib/filing';
import { ComplaintsModule } from '@lib/complaints';
import { CreditLevelEntity, PenaltyEntity } from './penalty.entity.js';
import { CreditService } from './credit.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([PenaltyEntity, CreditLevelEntity]),
    AuditModule,
    EventsModule,
    FacilitiesModule,
    FilingModule,
    ComplaintsModule,
  ],
  providers: [CreditService],
  exports: [CreditService],
})
export class CreditModule {}
