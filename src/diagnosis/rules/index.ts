/**
 * The classifier's rules, most to least specific. classify() tries every message/code match
 * first (in this order), then name-only matches, then status-only matches, so a rule listed
 * early never wins on its name alone over a later rule whose message matched. Order decides
 * matches: keep the sections in this order.
 */

import type { Rule } from '../rule.js';
import { API_KEY_RULES } from './api-keys.js';
import { CREDENTIAL_RULES } from './credentials.js';
import { FALLBACK_RULES } from './fallbacks.js';
import { IAM_RULES } from './iam.js';
import { INVOKE_RULES } from './invoke.js';
import { MARKETPLACE_AND_ACCOUNT_RULES } from './marketplace-and-account.js';
import { MODEL_ACCESS_RULES } from './model-access.js';
import { NETWORK_RULES } from './network.js';
import { PROVIDER_TERMS_RULES } from './provider-terms.js';
import { REGION_RULES } from './region.js';

export const RULES: readonly Rule[] = [
  ...API_KEY_RULES,
  ...MARKETPLACE_AND_ACCOUNT_RULES,
  ...IAM_RULES,
  ...CREDENTIAL_RULES,
  ...PROVIDER_TERMS_RULES,
  ...MODEL_ACCESS_RULES,
  ...REGION_RULES,
  ...INVOKE_RULES,
  ...NETWORK_RULES,
  ...FALLBACK_RULES,
];
