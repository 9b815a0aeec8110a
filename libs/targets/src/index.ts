import { RegionFiguresEntity } from './region-figures.entity.js';

export { TargetsModule } from './targets.module.js';
export { FiguresService } from './figures.service.js';
export { deriveFigures, type RegionCounts } from './figures.js';
export { RegionView, RegionListView } from './dto/region.view.js';
export { RegionFiguresEntity } from './region-figures.entity.js';
export const targetsEntities = [RegionFiguresEntity];
