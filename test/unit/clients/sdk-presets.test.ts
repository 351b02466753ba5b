import { describe, expect, it } from 'vitest';
import { findClient } from '../../../src/clients/index.js';
import { read } from './read.js';

const preset = (name: string) => findClient(name)!;

describe('SDK presets: each reads its own Region variable', () => {
  it.each([
    ['vercel-ai', { AWS_REGION: 'eu-west-1' }, 'eu-west-1', 'AWS_REGION'],
    ['langchain-js', { AWS_DEFAULT_REGION: 'eu-west-1' }, 'eu-west-1', 'AWS_DEFAULT_REGION'],
    ['langchain-python', { AWS_DEFAULT_REGION: 'eu-west-1' }, 'eu-west-1', 'AWS_DEFAULT_REGION'],
  ])('%s finds its Region in %o', (name, env, region, setting) => {
    const reading = read(preset(name), {}, env);
    expect(reading.region).toEqual({ region, from: { setting } });
    expect(reading.findings).toEqual([]);
  });

  it('langchain-js fails without AWS_DEFAULT_REGION even when AWS_REGION is set, and says which to set', () => {
    const reading = read(preset('langchain-js'), {}, { AWS_REGION: 'us-east-2' });
    expect(reading.region!.region).toBeNull();
    expect(reading.findings).toEqual([expect.objectContaining({ cause: 'client-region-variable-unset', fails: true, value: 'us-east-2', setting: { setting: 'AWS_DEFAULT_REGION' } })]);
  });

  it('vercel-ai ignores AWS_DEFAULT_REGION; langchain-python falls back to the profile Region', () => {
    expect(read(preset('vercel-ai'), {}, { AWS_DEFAULT_REGION: 'us-west-2' }).findings[0]).toMatchObject({ cause: 'client-region-variable-unset', fails: true });
    expect(read(preset('langchain-python'), {}, { AWS_PROFILE: 'p' }, { p: { region: 'ap-southeast-2' } }).region).toMatchObject({ region: 'ap-southeast-2' });
  });
});
