import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { figuresConfig } from '@lib/core';
import { AnnualReportEntity } from './annual-report.entity.js';
import { ReportService } from './report.service.js';

@Module({
  imports: [ConfigModule.forFeature(figuresConfig), TypeOrmModule.forFeature([AnnualReportEntity])],
  providers: [ReportService],
  exports: [ReportService],
})
export class ReportsModule {}
