import { AuditEntryEntity } from './audit-entry.entity.js';

export { AuditModule } from './audit.module.js';
export { AuditService, type AuditActor, type AuditRecord, type AuditView } from './audit.service.js';
export { AuditEntryEntity, type AuditSubjectType } from './audit-entry.entity.js';
export const auditEntities = [AuditEntryEntity];
