import { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';

export { InspectionsModule } from './inspections.module.js';
export { InspectionRecordService } from './inspection-record.service.js';
export { RectificationOrderService } from './rectification-order.service.js';
export { InspectionPlanService, planItemsSql, type PlanCriteria, type PlanCursor } from './inspection-plan.service.js';
export { PlanItemsService, planRank, REFRESH_CHUNK, type PlanItemRow } from './plan-items.js';
export { PublicInspectionService } from './public-inspection.service.js';
export { InspectionError, InspectionErrorCode } from './inspection.errors.js';
export { InspectionAmendmentEntity, InspectionEntity, RectificationOrderEntity } from './inspection.entity.js';
export * from './inspection-rules.types.js';
export * from './dto/inspection.dto.js';
export { CHECKLISTS, SECOND_RELEASE_FROM, checklistItem, currentChecklist, checklistVersion } from './checklists/index.js';
export { orderOverdue, verificationDueOn, verificationOverdue, type OrderTimes } from './rules/order-deadlines.js';
export { orderOverdueSql, respondedOnSql } from './order-deadlines-sql.js';
export { DEFAULT_INSPECTION_CONFIG, type InspectionConfig } from './rules/inspection-config.js';
export { dueOn, evaluate } from './rules/outcome.js';
export { countInspections, loadInspections } from './inspection-loader.js';
export const inspectionsEntities = [InspectionEntity, InspectionAmendmentEntity, RectificationOrderEntity];
