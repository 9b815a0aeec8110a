import { RegistrationSequenceEntity } from './registration-sequence.entity.js';
import { ChangeFilingEntity } from './change-filing.entity.js';

export { FilingModule } from './filing.module.js';
export { FilingService } from './filing.service.js';
export { FilingError, FilingErrorCode } from './filing.errors.js';
export { LIFECYCLE, transition, type LifecycleAction } from './lifecycle.js';
export { planPlacements, type PlacementPlan } from './placement.js';
export { formatRegistrationNo, RegistrationSequenceEntity } from './registration-sequence.entity.js';
export { nextRegistrationNo } from './registration-numbers.js';
export * from './dto/filing.dto.js';
export { ChangeFilingService, insertChangeFiling } from './change-filing.service.js';
export { ChangeFilingEntity } from './change-filing.entity.js';
export * from './dto/change-filing.dto.js';
export const filingEntities = [RegistrationSequenceEntity, ChangeFilingEntity];
