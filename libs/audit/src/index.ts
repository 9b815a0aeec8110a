import { AuditEntryEntity } from './audit-entry.entity.js';

export { AuditModule } from './audit.module.js';
export {
  AuditService,
  type AuditActor,
  type AuditBreak,
  type AuditRecord,
  type AuditVerification,
  type AuditView,
} from './audit.service.js';
export { GENESIS_HASH, linkHash, verifyChain, type ChainLink } from './audit-chain.js';
export { checkpointSignatureValid, signCheckpoint, type AuditCheckpoint, type ChainHead } from './audit-checkpoint.js';
export { AuditEntryEntity, type AuditSubjectType } from './audit-entry.entity.js';
export const auditEntities = [AuditEntryEntity];
