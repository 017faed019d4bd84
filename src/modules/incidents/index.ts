export { createIncidents, type IncidentSummary, type Incidents, type IncidentsDeps, type StoredIncident } from './incidents.js';
export { registerIncidentRoutes, type IncidentRoutesOptions } from './incidents.routes.js';
export { registerAssessmentRoutes, type AssessmentRoutesOptions } from './assessment.routes.js';
export { createProcessorLinks, type PassedOn, type ProcessorLink, type ProcessorLinks } from './processor-links.js';
export { catalogueEntryFrom, createPublishing, type PublicationInput, type Publishing } from './publishing.js';
export { createDeadlineReminders, type DeadlineRemindersDeps } from './reminders.js';
export {
  createAssessments,
  evaluateAssessment,
  type AssessmentInput,
  type Assessments,
  type Decision,
  type RecordedAssessment,
} from './assessments.js';
