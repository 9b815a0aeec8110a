import { StaffEntity } from './staff.entity.js';

export { StaffModule } from './staff.module.js';
export { StaffService } from './staff.service.js';
export { StaffError, StaffErrorCode } from './staff.errors.js';
export { StaffEntity } from './staff.entity.js';
export { IdNumberCipher } from './id-number-cipher.js';
export {
  facilitiesSharingStaff,
  facilitiesWithMultiListedStaff,
  multiListingSideFor,
  multiListedSql,
  type MultiListingSide,
} from './multi-listing.js';
export { unassignClass } from './staff-sql.js';
export { loadStaff } from './staff-loader.js';
export * from './dto/staff.dto.js';
export const staffEntities = [StaffEntity];
