import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { ApplicationChoiceEntity, ApplicationEntity, OfferEntity } from './application.entity.js';
import { ApplicationService } from './application.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ApplicationEntity, ApplicationChoiceEntity, OfferEntity]), AuditModule, EventsModule],
  providers: [ApplicationService],
  exports: [ApplicationService],
})
export class ApplicationsModule {}
