import { ComplaintEntity } from './complaint.entity.js';

export { ComplaintsModule } from './complaints.module.js';
export { ComplaintService, type ComplaintAlertCause, type ComplaintFact } from './complaint.service.js';
export { ComplaintError, ComplaintErrorCode } from './complaint.errors.js';
export { ComplaintEntity } from './complaint.entity.js';
export { RECEIPT_SHAPE, UNREGISTERED_GROUP_M, UNREGISTERED_ALERT_REPORTS } from './complaint.rules.js';
export { complaintCount, importComplaint, type ImportedComplaint } from './complaint-import.js';
export * from './dto/complaint.dto.js';
export const complaintsEntities = [ComplaintEntity];
