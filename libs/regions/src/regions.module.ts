import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@lib/audit';
import { EventsModule } from '@lib/events';
import { RegionEntity, RegionPopulationEntity } from './region.entity.js';
import { RegionService } from './region.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity, RegionPopulationEntity]), AuditModule, EventsModule],
  providers: [RegionService],
  exports: [RegionService],
})
export class RegionsModule {}
