import { RegionFigureSnapshotEntity, RegionFiguresEntity } from './region-figures.entity.js';
import { AlertEntity } from './alert.entity.js';

export { TargetsModule } from './targets.module.js';
export { FiguresService } from './figures.service.js';
export { deriveFigures, type RegionCounts } from './figures.js';
export { RegionView, RegionListView, RegionHistoryView, HistoryQuery } from './dto/region.view.js';
export { BoundariesView, BoundaryFeatureView, BoundaryGeometryView } from './dto/boundaries.view.js';
export { RegionFigureSnapshotEntity, RegionFiguresEntity } from './region-figures.entity.js';
export { AlertService, type AlertScope } from './alert.service.js';
export { AlertEntity, ALERT_KINDS, INCIDENT_ALERT_KINDS, type AlertKind } from './alert.entity.js';
export * from './dto/alert.dto.js';
export const targetsEntities = [RegionFiguresEntity, RegionFigureSnapshotEntity, AlertEntity];
