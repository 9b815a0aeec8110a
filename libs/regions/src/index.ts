import { RegionEntity, RegionPopulationEntity } from './region.entity.js';

export { RegionsModule } from './regions.module.js';
export { RegionService } from './region.service.js';
export { RegionError, RegionErrorCode, regionNotFound } from './regions.errors.js';
export { RegionEntity, RegionPopulationEntity, type RegionLevel } from './region.entity.js';
export { SetPopulationDto } from './dto/population.dto.js';
export { importRegions, readRegionFiles, type RegionImportOptions } from './region-import.js';
export { parseCsv } from './csv.js';
export { randomPointIn, regionCovers } from './region-queries.js';
export const regionsEntities = [RegionEntity, RegionPopulationEntity];
