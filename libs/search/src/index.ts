export { SearchModule } from './search.module.js';
export { SearchService } from './search.service.js';
export { nearbySql, type NearbyCriteria } from './nearby-sql.js';
export { parseBbox, type Bbox } from './map-grid.js';
export { mapClustersSql, mapSinglesSql } from './map-sql.js';
export { SEARCH_LIMITS } from './search-limits.js';
export { haversineM, toMercator } from './web-mercator.js';
export * from './dto/search.dto.js';
export * from './dto/geojson.view.js';
