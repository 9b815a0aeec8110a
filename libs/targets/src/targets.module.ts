import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { figuresConfig, registryConfig } from '@lib/core';
import { RegionFigureSnapshotEntity, RegionFiguresEntity } from './region-figures.entity.js';
import { AlertEntity } from './alert.entity.js';
import { AlertService } from './alert.service.js';
import { FilingModule } from '@lib/filing';
import { IncidentsModule } from '@lib/incidents';
import { ComplaintsModule } from '@lib/complaints';
import { FiguresService } from './figures.service.js';

@Module({
  imports: [
    ConfigModule.forFeature(figuresConfig),
    ConfigModule.forFeature(registryConfig),
    TypeOrmModule.forFeature([RegionFiguresEntity, RegionFigureSnapshotEntity, AlertEntity]),
    FilingModule,
    IncidentsModule,
    ComplaintsModule,
  ],
  providers: [FiguresService, AlertService],
  exports: [FiguresService, AlertService],
})
export class TargetsModule {}
