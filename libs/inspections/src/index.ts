import { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';

export { InspectionsModule } from './inspections.module.js';
export { InspectionService } from './inspection.service.js';
export { InspectionError, InspectionErrorCode } from './inspection.errors.js';
export { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';
export * from './inspection-rules.types.js';
export * from './dto/inspection.dto.js';
export { CHECKLISTS, currentChecklist, checklistVersion } from './checklists/index.js';
export { DEFAULT_INSPECTION_CONFIG, type InspectionConfig } from './rules/inspection-config.js';
export { dueOn, evaluate } from './rules/outcome.js';
export const inspectionsEntities = [InspectionEntity, InspectionAmendmentEntity, RectificationOrderEntity];
