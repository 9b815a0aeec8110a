import { RegionFigureSnapshotEntity, RegionFiguresEntity } from './region-figures.entity.js';

export { TargetsModule } from './targets.module.js';
export { FiguresService } from './figures.service.js';
export { deriveFigures, type RegionCounts } from './figures.js';
export { RegionView, RegionListView, RegionHistoryView, HistoryQuery } from './dto/region.view.js';
export { RegionFigureSnapshotEntity, RegionFiguresEntity } from './region-figures.entity.js';
export const targetsEntities = [RegionFiguresEntity, RegionFigureSnapshotEntity];
