import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionFiguresEntity } from './region-figures.entity.js';
import { FiguresService } from './figures.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RegionFiguresEntity])],
  providers: [FiguresService],
  exports: [FiguresService],
})
export class TargetsModule {}
