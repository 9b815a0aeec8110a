import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { PublicReads, databaseConfig } from '@lib/core';
import { InspectionsModule } from '@lib/inspections';
import { IncidentsModule } from '@lib/incidents';
import { CreditModule } from '@lib/credit';
import { SearchService } from './search.service.js';

@Module({
  imports: [ConfigModule.forFeature(databaseConfig), InspectionsModule, IncidentsModule, CreditModule],
  providers: [SearchService, PublicReads],
  exports: [SearchService],
})
export class SearchModule {}
