/** The local AWS emulator used by `bedrock-doctor demo` and by the end-to-end tests. */
export { startEmulator, type Emulator, type EmulatorOptions } from './server.js';
export {
  SCENARIOS,
  findScenario,
  scenarioArgs,
  SHORT_TERM_API_KEY,
  DEFAULT_SCENARIO_MODEL,
  DEFAULT_SCENARIO_REGION,
  type Scenario,
} from './scenarios.js';
export {
  scenarioEnvironment,
  secretCanaries,
  shortTermApiKey,
  closedPortUrl,
  SECRET_CANARIES,
  FAKE_ACCESS_KEY_ID,
} from './environment.js';
export {
  isMutating,
  EMULATED_OPERATIONS,
  type RecordedRequest,
  type Behaviour,
  type OperationName,
  type Service,
  type AuthKind,
} from './types.js';
export { defaultWorld, applyPatch, ACCOUNT_ID, type World, type WorldPatch, type PolicyRule } from './world.js';
export { MESSAGES } from './operations.js';
