export { createIncidents, type IncidentSummary, type Incidents, type IncidentsDeps, type StoredIncident } from './incidents.js';
export { registerIncidentRoutes, type IncidentRoutesOptions } from './incidents.routes.js';
