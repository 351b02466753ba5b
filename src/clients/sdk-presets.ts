/**
 * SDKs configured in code: only the environment can be read. Each preset reads the Region
 * variables its SDK reads, and the models come from --model. Sources: the Vercel AI SDK's
 * amazon-bedrock provider page, langchainjs libs/langchain-aws/src/chat_models/converse.ts
 * (@f9ada7b9), langchain-aws libs/aws/langchain_aws/utils.py create_aws_client (@a5923447).
 */

import { firstRegion, unreadRegionFinding, variable } from './region.js';
import type { ClientInput, ClientReading, ClientSpec } from './types.js';

interface Preset {
  name: string;
  title: string;
  /** The Region variables the SDK reads, in order. */
  reads: string[];
  /** Whether the SDK falls back to the profile's Region (boto3 does). */
  profileRegion: boolean;
  assumption: string;
}

const PRESETS: Preset[] = [
  {
    name: 'vercel-ai',
    title: 'Vercel AI SDK @ai-sdk/amazon-bedrock (environment only; models from --model)',
    reads: ['AWS_REGION'],
    profileRegion: false,
    assumption: '@ai-sdk/amazon-bedrock: the Region is the region option, else AWS_REGION, else it throws; credentials are the AWS_ACCESS_KEY_ID variables or AWS_BEARER_TOKEN_BEDROCK unless the code passes a credentialProvider. It calls Converse, and ConverseStream for streamText (--stream).',
  },
  {
    name: 'langchain-js',
    title: 'LangChain.js @langchain/aws ChatBedrockConverse (environment only; models from --model)',
    reads: ['AWS_DEFAULT_REGION'],
    profileRegion: false,
    assumption: '@langchain/aws ChatBedrockConverse (converse.ts @f9ada7b9): the Region is the region field, else AWS_DEFAULT_REGION only, else it throws; credentials come from the default provider chain. It calls Converse, and ConverseStream with streaming: true (--stream).',
  },
  {
    name: 'langchain-python',
    title: 'LangChain Python langchain-aws (environment only; models from --model)',
    reads: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
    profileRegion: true,
    assumption: 'langchain-aws create_aws_client: the Region is region_name, else AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s Region; credentials come from boto3\'s chain. ChatBedrockConverse calls Converse(Stream), ChatBedrock InvokeModel(WithResponseStream): the same IAM actions (--stream for streaming).',
  },
];

function presetReader(preset: Preset) {
  return (input: ClientInput): ClientReading => {
    const profileName = input.env.AWS_PROFILE?.trim() || 'default';
    const region = firstRegion(
      [
        ...preset.reads.map((name) => variable(input.env, name)),
        ...(preset.profileRegion ? [{ from: { setting: `region of profile ${profileName}`, file: '~/.aws/config' }, value: input.awsProfiles[profileName]?.region }] : []),
      ],
      { region: null, from: { setting: preset.reads[0]!, isDefault: true } },
    );
    const unread = unreadRegionFinding(preset.name, region, input.env, preset.reads, { setting: preset.reads[0]! });
    return {
      client: preset.name,
      configured: true,
      assumptions: [preset.assumption],
      files: [],
      // One target per --model, in this Region: the plan adds them.
      targets: [],
      findings: unread ? [unread] : [],
      region: { region: region.region, from: region.from },
    };
  };
}

export const SDK_PRESETS: ClientSpec[] = PRESETS.map((preset) => ({
  name: preset.name,
  title: preset.title,
  kind: 'sdk',
  files: () => [],
  read: presetReader(preset),
}));
