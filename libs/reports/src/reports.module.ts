import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { figuresConfig } from '@lib/core';
import { ReportService } from './report.service.js';

@Module({
  imports: [ConfigModule.forFeature(figuresConfig)],
  providers: [ReportService],
  exports: [ReportService],
})
export class ReportsModule {}
