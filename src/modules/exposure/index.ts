export { assessExposure, type Exposure, type ExposureInput, type TriggeredScenario } from './exposure.js';
export { SCENARIO_IDS, SCENARIOS, SEVERITIES, type ScenarioId, type ScenarioRule, type Severity } from './scenarios.js';
