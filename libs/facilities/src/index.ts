import { ClassEntity, FacilityEntity } from './facility.entity.js';

export { FacilitiesModule } from './facilities.module.js';
export {
  FacilityService,
  checkVersion,
  recognitionPatch,
  type ApprovedChange,
  type ClassChange,
  type ClassRemoval,
} from './facility.service.js';
export { FacilityError, FacilityErrorCode, facilityNotFound, wrongState, changeFilingRequired } from './facility.errors.js';
export { facilityListSql, queryMatch, type FacilityListCriteria, type QueryMatch } from './facility-list.js';
export { refreshClassSummaries } from './class-summary.js';
export { enrolHeldPlace, holdPlace, releasePlace, type PlaceChange } from './class-places.js';
export {
  chosenFacilities,
  classesOf,
  classNameSql,
  classOfFacility,
  countClassesOf,
  facilitiesByIds,
  facilitiesInScope,
  FACILITY_HEADINGS_SQL,
  facilityColumnSql,
  facilityIdsWithStatus,
  facilityInReachSql,
  facilityInStatusesSql,
  facilityNotClosedSql,
  facilityOwnedBySql,
  receivingClassesNear,
  writeLifecycleStep,
  type ChosenFacility,
  type FacilityColumn,
  type LifecycleFields,
  type ReceivingClass,
} from './facility-sql.js';
export { ClassEntity, FacilityEntity, type GeoPoint } from './facility.entity.js';
export * from './dto/facility.dto.js';
export * from './dto/class.dto.js';
export { publicOffset } from './public-location.js';
export {
  countFacilities,
  demoChangeCandidates,
  facilitiesWithStatus,
  loadClasses,
  loadDemoRecognitions,
  loadFacility,
  oneRegisteredPerUnit,
  registeredFacilitiesOfUnit,
  vacantClassesOfRegistered,
  type LoadedFacility,
} from './facility-loader.js';
export const facilitiesEntities = [FacilityEntity, ClassEntity];
