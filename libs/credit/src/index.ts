import { CreditLevelEntity, PenaltyEntity } from './penalty.entity.js';

export { CreditModule } from './credit.module.js';
export { CreditService } from './credit.service.js';
export { CreditError, CreditErrorCode } from './credit.errors.js';
export { CreditLevelEntity, PenaltyEntity } from './penalty.entity.js';
export { creditLevel, DEFAULT_CREDIT_RULES, type CreditFact, type CreditRule } from './credit.rules.js';
export { importPenalty, type ImportedPenalty } from './penalty-import.js';
export * from './dto/credit.dto.js';
export const creditEntities = [PenaltyEntity, CreditLevelEntity];
