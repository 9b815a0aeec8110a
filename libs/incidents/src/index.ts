import { DrillEntity, IncidentEntity, IncidentUpdateEntity } from './incident.entity.js';

export { IncidentsModule } from './incidents.module.js';
export { IncidentService, SUGGESTED_DOMAIN, type IncidentAlertCause } from './incident.service.js';
export { IncidentError, IncidentErrorCode } from './incident.errors.js';
export { DrillEntity, IncidentEntity, IncidentUpdateEntity } from './incident.entity.js';
export * from './dto/incident.dto.js';
export { DEFAULT_INCIDENT_CONFIG, incidentConfig, type IncidentConfig } from './rules/incident-config.js';
export * from './rules/incident.rules.js';
export { countIncidents, loadDrills, loadIncidents } from './incident-loader.js';
export { followFacilityUnit } from './incident-units.js';
export const incidentsEntities = [IncidentEntity, IncidentUpdateEntity, DrillEntity];
