/** Region: Bedrock and the model exist in the Region; profile-only models are called through an inference profile. */

import { BEDROCK_REGIONS, isRegionShaped } from '../vocabulary/regions.js';
import { causes } from './cause.js';
import { DOCS } from './docs.js';

const COMMERCIAL_BEDROCK_REGIONS = BEDROCK_REGIONS.filter((r) => !/^(us-gov|us-iso|eusc)/.test(r));

export const REGION_CAUSES = causes({
  'inference-profile-required': {
    gate: 'region',
    status: 'fail',
    summary: 'This model cannot be invoked by its base model id in this Region: it must be called through an inference profile.',
    fix: {
      text: 'Use the id of an inference profile that contains the model, as list-inference-profiles shows for your Region (geographic ids start with us., eu., apac. …; global. only where it is listed), and allow the profile and its destination models in IAM.',
      actor: 'caller',
      commands: ['aws bedrock list-inference-profiles --region <region> --query "inferenceProfileSummaries[?contains(inferenceProfileId, \'<model-id>\')].inferenceProfileId"'],
      docs: DOCS.profiles,
    },
    specialise: ({ modelId: id }) =>
      id
        ? {
            summary: `Model ${id} cannot be invoked on demand by its base id in this Region: call it through an inference profile.`,
            fix: {
              text: `Use the id of an inference profile that contains ${id} instead, as list-inference-profiles shows for your Region (geographic ids start with us., eu., apac. …; global. only where it is listed); IAM must allow the profile and the model in its destination Regions.`,
            },
          }
        : {},
  },
  'invalid-model-identifier': {
    gate: 'region',
    status: 'fail',
    summary:
      'The model identifier is not valid here: a typo or a non-Bedrock name, a model not offered in this Region, or an inference-profile prefix that is not offered from this source Region.',
    fix: {
      text: 'Use an exact id from list-foundation-models or list-inference-profiles in the Region the client really calls (check AWS_REGION and the tool\'s region setting).',
      actor: 'caller',
      commands: [
        'aws bedrock list-foundation-models --region <region> --query "modelSummaries[].modelId"',
        'aws bedrock list-inference-profiles --region <region> --query "inferenceProfileSummaries[].inferenceProfileId"',
      ],
      docs: DOCS.modelIds,
    },
  },
  'model-not-in-region': {
    gate: 'region',
    status: 'fail',
    summary: 'The model is not offered in this Region.',
    fix: {
      text: 'Check the model id for typos, or call a Region that offers it (or a cross-Region inference profile that includes it): model availability differs per Region.',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region> --query "modelSummaries[].modelId"'],
      docs: DOCS.modelsRegions,
    },
  },
  'profile-id-unsupported-by-client': {
    gate: 'region',
    status: 'fail',
    summary:
      'The client library parses the provider from the model id and does not understand inference-profile prefixes (us., eu., global.…).',
    fix: {
      text: 'Upgrade the client library to a version that supports inference profiles, or pass the profile ARN / configure the provider explicitly.',
      actor: 'caller',
      docs: DOCS.profiles,
    },
  },
  'bedrock-not-in-region': {
    gate: 'region',
    status: 'fail',
    summary: 'The Bedrock endpoint for this Region does not exist: Bedrock is not offered in that Region.',
    fix: {
      text: `Choose a Region that hosts Bedrock: ${COMMERCIAL_BEDROCK_REGIONS.join(', ')}.`,
      actor: 'caller',
      commands: ['export AWS_REGION=us-east-1'],
      docs: DOCS.endpoints,
    },
    specialise: ({ host, hostRegion = '?' }) => ({
      summary: isRegionShaped(hostRegion)
        ? `Bedrock is not offered in ${hostRegion}: ${host} does not resolve.`
        : `"${hostRegion}" is not an AWS Region name, so ${host} does not exist.`,
    }),
  },
  'region-not-set': {
    gate: 'region',
    status: 'fail',
    summary: 'No AWS Region is configured for the client.',
    fix: {
      text: 'Pass --region or set AWS_REGION (the JS SDK ignores AWS_DEFAULT_REGION), or add region to the profile.',
      actor: 'caller',
      commands: ['export AWS_REGION=us-east-1'],
      docs: DOCS.region,
    },
  },
  'invalid-region': {
    gate: 'region',
    status: 'fail',
    summary: 'The Region string is not a valid AWS Region (or the request was signed for a different Region than the endpoint).',
    fix: {
      text: 'Use a Region code such as us-east-1, and check AWS_REGION, the profile region and any AWS_ENDPOINT_URL override agree.',
      actor: 'caller',
      commands: ['env | grep -E "^AWS_(REGION|DEFAULT_REGION|ENDPOINT_URL)"'],
      docs: DOCS.region,
    },
  },
  'region-not-enabled': {
    gate: 'region',
    status: 'fail',
    summary: 'The Region is an opt-in Region that is not enabled for this account.',
    fix: {
      text: 'An administrator enables the Region (Account > AWS Regions), or call a Region that is enabled.',
      actor: 'administrator',
      commands: ['aws account list-regions --region-opt-status-contains ENABLED ENABLED_BY_DEFAULT'],
      docs: DOCS.optInRegions,
    },
  },
  'resource-not-found': {
    gate: 'region',
    status: 'fail',
    summary: 'Bedrock could not find the model or inference profile in this Region.',
    fix: {
      text: 'Check the model or profile id and the Region the client calls.',
      actor: 'caller',
      commands: ['aws bedrock list-foundation-models --region <region> --query "modelSummaries[].modelId"'],
      docs: DOCS.modelsRegions,
    },
  },

  // Found by the region gate from the Region's catalog.
  'profile-not-in-region': {
    gate: 'region',
    status: 'fail',
    summary: 'The inference profile is not offered from this Region.',
    fix: {
      text: 'Geographic profiles (us., eu., apac., …) are offered only from source Regions in their geography; use a profile listed for this Region, or call from a Region of that geography.',
      actor: 'caller',
      commands: ['aws bedrock list-inference-profiles --region <region> --query "inferenceProfileSummaries[].inferenceProfileId"'],
      docs: DOCS.profiles,
    },
  },
  'arn-region-mismatch': {
    gate: 'region',
    status: 'fail',
    summary: 'The model ARN names another Region than the one the call goes to.',
    fix: {
      text: 'Use --region with the Region in the ARN, or the ARN of the model in the Region you call.',
      actor: 'caller',
      docs: DOCS.modelsRegions,
    },
  },
});
