export {
  buildActionPlan,
  involvesChronopost,
  DEADLINE_EVENTS,
  PLAN_COUNTRIES,
  SOURCE_BASES,
  SOURCE_IDS,
  SOURCES,
  STEP_IDS,
  URGENCIES,
  type ActionPlan,
  type Deadline,
  type DeadlineEvent,
  type PlanCountry,
  type PlanStep,
  type SourceBasis,
  type SourceId,
  type StepId,
  type StepSource,
  type Urgency,
} from './action-plan.js';
export { PLAN_MESSAGES, type ActionText, type ByCountry, type PlanMessages, type StepText, type WhyText } from './plan-messages.js';
export { renderPlanView, type PlanView, type PlanViewOptions, type PlanViewStep } from './plan-view.js';
export { renderPlanPdf, type PlanPdfOptions } from './plan-pdf.js';
