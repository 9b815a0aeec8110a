import { Module } from '@nestjs/common';
import { InspectionsModule } from '@lib/inspections';
import { IncidentsModule } from '@lib/incidents';
import { CreditModule } from '@lib/credit';
import { SearchService } from './search.service.js';

@Module({
  imports: [InspectionsModule, IncidentsModule, CreditModule],
  providers: [SearchService],
  exports: [SearchService],
})
export class SearchModule {}
