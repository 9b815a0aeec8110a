import { Module } from '@nestjs/common';
import { InspectionsModule } from '@lib/inspections';
import { SearchService } from './search.service.js';

@Module({
  imports: [InspectionsModule],
  providers: [SearchService],
  exports: [SearchService],
})
export class SearchModule {}
