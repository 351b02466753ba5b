/** Region: model ids, inference profiles, Regions without Bedrock. */

import type { Rule } from '../rule.js';
import { DNS_TEXT, hostRegion, modelIdOf, regionLacksBedrock } from './recognise.js';

export const REGION_RULES: readonly Rule[] = [
  {
    cause: 'inference-profile-required',
    seenUnder: ['ValidationException'],
    message:
      /on-demand throughput isn.t supported|on-demand throughput is not supported|(?:doesn.t|does not) support on-demand throughput|Retry your request with the ID or ARN of an inference profile/i,
    extract: modelIdOf,
  },
  {
    cause: 'invalid-model-identifier',
    seenUnder: ['ValidationException', 'ResourceNotFoundException'],
    message:
      /model identifier (?:is )?invalid|invalid model identifier|model (?:id(?:entifier)?|ARN) (?:is )?(?:invalid|not valid)|invalid model (?:id|ARN)\b|model id(?:entifier)? ['"]?[\w.:\/-]{1,200}['"]? (?:is not (?:supported|valid|found)|does not exist)|at '?modelId'? failed to satisfy constraint|\bmodel_not_found\b|\bmodel\b[^.]{0,80}? does not exist/i,
  },
  {
    cause: 'model-not-in-region',
    seenUnder: ['ResourceNotFoundException', 'ValidationException'],
    message:
      /Could not resolve the foundation model|model.{0,100}?(?:is )?not (?:supported|available|offered) in (?:this |the |your |the selected |the requested )?(?:AWS )?region\b|not available in (?:the )?(?:selected |requested )?region/i,
  },
  {
    cause: 'profile-id-unsupported-by-client',
    message:
      /(?:Unsupported|Unknown|Invalid|unrecognized) (?:model )?provider:? ['"]?(?:us|eu|apac|jp|au|ca|global|us-gov)\b|provider ['"]?(?:us|eu|apac|global)['"]? (?:is )?not supported|(?:Unsupported|Unknown|unrecognized) (?:model )?provider ?= ?\w/i,
  },
  {
    cause: 'bedrock-not-in-region',
    names: ['EndpointConnectionError'],
    codes: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'],
    message: DNS_TEXT,
    when: regionLacksBedrock,
    extract: (m) => ({ host: m.facts.host, hostRegion: hostRegion(m) }),
  },
  {
    cause: 'region-not-set',
    names: ['NoRegionError'],
    seenUnder: ['ConfigError'],
    message:
      /Region is missing|You must specify a region|Missing Region|Missing region in config|NoRegionError|could not find region|\bregion (?:setting |name |configuration )?(?:is |was )?(?:not set|not specified|not configured|not provided|missing|required|undefined)\b|Unable to (?:load|find|determine|resolve) (?:the |a |any )?(?:AWS )?region|No RegionEndpoint/i,
  },
  {
    cause: 'invalid-region',
    message: /Region not accepted|is not a valid hostname component|Invalid region|Credential should be scoped to a valid region/i,
  },
  {
    cause: 'region-not-enabled',
    names: ['OptInRequired'],
    seenUnder: ['UnrecognizedClientException'],
    message: /OptInRequired|Region[^.]{0,40}(?:is )?(?:not enabled|disabled|opt-in)|needs a subscription for the service/i,
  },
];
