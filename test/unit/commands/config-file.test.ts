import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/commands/config-file.js';
import { CONFIG_KEYS } from '../../../src/commands/config-settings.js';

const schema = JSON.parse(readFileSync(new URL('../../../schema/config.schema.json', import.meta.url), 'utf8'));

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'bd-config-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const FULL = {
  $schema: './node_modules/bedrock-doctor/schema/config.schema.json',
  regions: ['us-east-1', 'eu-west-3'],
  models: ['anthropic.claude-3-haiku-20240307-v1:0'],
  timeout: 30,
  stream: true,
  strict: false,
  failOn: ['inconclusive', 'pending'],
  expectAccount: '111122223333',
  allowSubscribe: false,
  invoke: true,
};

describe('the config file', () => {
  it('reads bedrock-doctor.config.json in the working directory', async () => {
    await writeFile(join(dir, 'bedrock-doctor.config.json'), JSON.stringify(FULL, null, 2));
    const { $schema: _, ...config } = FULL;
    expect(await loadConfig(undefined, dir)).toEqual({ file: 'bedrock-doctor.config.json', config });
  });

  it('else the "bedrock-doctor" key of package.json', async () => {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'app', 'bedrock-doctor': { models: 'amazon.nova-lite-v1:0', failOn: 'warn,pending' } }));
    expect(await loadConfig(undefined, dir)).toEqual({ file: 'package.json', config: { models: ['amazon.nova-lite-v1:0'], failOn: ['warn', 'pending'] } });
  });

  it('not a package.json where the name is only a package or a bin (the doctor\'s own, a dependency)', async () => {
    const pkg = { name: 'bedrock-doctor', bin: { 'bedrock-doctor': 'bin/bedrock-doctor.js' }, dependencies: { 'bedrock-doctor': '^1.0.0' } };
    await writeFile(join(dir, 'package.json'), JSON.stringify(pkg));
    expect(await loadConfig(undefined, dir)).toEqual({ file: null, config: {} });
  });

  it('else nothing, even beside a package.json that does not mention the doctor', async () => {
    await writeFile(join(dir, 'package.json'), '{ "name": "app", broken');
    expect(await loadConfig(undefined, dir)).toEqual({ file: null, config: {} });
  });

  it('--config names a file, which must exist', async () => {
    await writeFile(join(dir, 'ci.json'), '{ "regions": "us-west-2" }');
    expect(await loadConfig('ci.json', dir)).toEqual({ file: 'ci.json', config: { regions: ['us-west-2'] } });
    await expect(loadConfig('missing.json', dir)).rejects.toThrow(/^--config missing\.json: no such file$/);
  });

  it.each([
    ['a missing comma', '{\n  "regions": ["us-east-1"]\n  "models": []\n}', /^bedrock-doctor\.config\.json:3:3: not valid JSON \(comma expected\)$/],
    ['a trailing comma', '{\n  "timeout": 30,\n}', /^bedrock-doctor\.config\.json:3:1: not valid JSON \(property name expected\)$/],
    ['a comment', '{\n  // no\n}', /^bedrock-doctor\.config\.json:2:3: not valid JSON/],
    ['an empty file', '', /^bedrock-doctor\.config\.json:1:1: not valid JSON/],
    ['a list', '[]', /^bedrock-doctor\.config\.json:1:1: the settings must be a JSON object$/],
    ['an unknown key', '{\n  "timeout": 30,\n  "region": "us-east-1"\n}', /^bedrock-doctor\.config\.json:3:3: unknown key "region" \(did you mean "regions"\?\)$/],
    ['a camel-case slip', '{ "fail_on": ["warn"] }', /^bedrock-doctor\.config\.json:1:3: unknown key "fail_on" \(did you mean "failOn"\?\)$/],
    ['a wrong type', '{ "timeout": "30" }', /^bedrock-doctor\.config\.json:1:14: "timeout" must be a number of seconds above 0$/],
    ['a bad Region', '{ "regions": ["us-east-1", "us-est-1"] }', /^bedrock-doctor\.config\.json:1:28: "regions" "us-est-1" is not an AWS Region name; did you mean us-east-1\?$/],
    ['a bad model', '{ "models": ["claude"] }', /^bedrock-doctor\.config\.json:1:14: "models" "claude" is not a model id/],
    ['a bad status', '{ "failOn": ["warn", "fail"] }', /^bedrock-doctor\.config\.json:1:22: "failOn" "fail" is not one of warn, inconclusive, pending/],
    ['a numeric account', '{ "expectAccount": 111122223333 }', /^bedrock-doctor\.config\.json:1:20: "expectAccount" must be a 12-digit AWS account id, as a string$/],
  ])('%s is one line naming the file, line and column', async (_case, text, message) => {
    await writeFile(join(dir, 'bedrock-doctor.config.json'), text);
    await expect(loadConfig(undefined, dir)).rejects.toThrow(message);
  });

  it('an error in package.json names it and the position inside it', async () => {
    await writeFile(join(dir, 'package.json'), '{\n  "name": "app",\n  "bedrock-doctor": { "modles": [] }\n}');
    await expect(loadConfig(undefined, dir)).rejects.toThrow(/^package\.json:3:23: unknown key "modles" \(did you mean "models"\?\)$/);
  });
});

describe('schema/config.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true }).compile(schema);

  it('names exactly the keys the loader reads', () => {
    expect(Object.keys(schema.properties).filter((k) => k !== '$schema').sort()).toEqual([...CONFIG_KEYS].sort());
    expect(schema.additionalProperties).toBe(false);
  });

  it('accepts a full file and refuses an unknown key', () => {
    expect(validate(FULL), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ region: 'us-east-1' })).toBe(false);
    expect(validate({ failOn: ['fail'] })).toBe(false);
  });
});
