import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { figuresConfig } from '@lib/core';
import { RegionFigureSnapshotEntity, RegionFiguresEntity } from './region-figures.entity.js';
import { FiguresService } from './figures.service.js';

@Module({
  imports: [ConfigModule.forFeature(figuresConfig), TypeOrmModule.forFeature([RegionFiguresEntity, RegionFigureSnapshotEntity])],
  providers: [FiguresService],
  exports: [FiguresService],
})
export class TargetsModule {}
