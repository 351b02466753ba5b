import { execFileSync, spawnSync } from 'node:child_process';
import * as commander from 'commander';
import { describe, expect, it } from 'vitest';
import { main, program } from '../../../src/cli.js';
import { describeProgram } from '../../../src/commands/completion.js';
import { SCENARIOS } from '../../../src/sandbox/index.js';
import { bufferIo } from '../buffer-io.js';

async function script(shell: string): Promise<string> {
  const io = bufferIo({});
  expect(await main(['node', 'bedrock-doctor', 'completion', shell], io)).toBe(0);
  return io.out();
}

/** The program as the CLI builds it: the one source the scripts are generated from. */
const cli = program(commander, bufferIo({}), () => {}, () => {});

/** What bash offers for a command line whose last word is being completed. */
function bashComplete(source: string, line: string[]): string[] {
  const words = line.map((w) => `'${w}'`).join(' ');
  const out = execFileSync('bash', ['-c', `${source}\nCOMP_WORDS=(${words}); COMP_CWORD=${line.length - 1}; _bedrock_doctor; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('completion bash|zsh, generated from the program', () => {
  it.each(['bash', 'zsh'])('%s: names every command and every option the program parses', async (shell) => {
    const text = await script(shell);
    expect(cli.commands.length).toBeGreaterThanOrEqual(5);
    for (const command of cli.commands) {
      expect(text).toContain(command.name());
      for (const option of command.options) for (const flag of [option.short, option.long].filter(Boolean)) expect(text, `${command.name()} ${flag}`).toContain(flag!);
    }
  });

  it('bash completes commands, options, values and scenario names', async () => {
    const source = await script('bash');
    expect(bashComplete(source, ['bedrock-doctor', ''])).toEqual(expect.arrayContaining(['check', 'explain', 'policy', 'demo', 'completion']));
    expect(bashComplete(source, ['bedrock-doctor', 'check', '--on'])).toEqual(['--only']);
    expect(bashComplete(source, ['bedrock-doctor', 'check', '--only', 'model'])).toEqual(['model-access']);
    expect(bashComplete(source, ['bedrock-doctor', 'check', '--region', 'us-east-1', '--format', ''])).toEqual(['human', 'json', 'markdown', 'yaml']);
    expect(bashComplete(source, ['bedrock-doctor', 'explain', '-f', ''])).toEqual(['human', 'json']);
    expect(bashComplete(source, ['bedrock-doctor', 'demo', 'iam-'])).toEqual(SCENARIOS.map((s) => s.name).filter((n) => n.startsWith('iam-')));
    expect(bashComplete(source, ['bedrock-doctor', 'completion', ''])).toEqual(['bash', 'zsh']);
  });

  it('every --format value completion offers is one its command accepts', async () => {
    const { commands } = describeProgram(cli, {});
    const runs: Record<string, (format: string) => string[]> = {
      check: (f) => ['check', '--list-checks', '--format', f],
      explain: (f) => ['explain', 'AccessDeniedException', '--format', f],
      demo: (f) => ['demo', '--list', '--format', f],
      clients: (f) => ['clients', '--format', f],
      policy: (f) => ['policy', '--model', 'anthropic.claude-3-haiku-20240307-v1:0', '--region', 'us-east-1', '--offline', '--format', f],
    };
    // models reads AWS at once: its formats run against the emulator in test/e2e/policy-and-models.test.ts.
    const offline = commands.filter((c) => c.name !== 'models');
    expect(offline.map((c) => c.name).filter((name) => !runs[name] && offline.find((c) => c.name === name)!.flags.some((f) => f.names.includes('--format')))).toEqual([]);
    for (const command of offline) {
      const format = command.flags.find((f) => f.names.includes('--format'));
      if (!format) continue;
      expect(Array.isArray(format.values)).toBe(true);
      for (const value of format.values as string[]) {
        expect(await main(['node', 'bedrock-doctor', ...runs[command.name]!(value)], bufferIo({})), `${command.name} --format ${value}`).toBe(0);
      }
    }
  });

  it('an unknown shell is a usage error: one line, exit 2', async () => {
    const io = bufferIo({});
    expect(await main(['node', 'bedrock-doctor', 'completion', 'fish'], io)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(/bash, zsh/);
  });

  // zsh is not on every machine; where it is, the script must parse and register itself.
  const zsh = spawnSync('zsh', ['--version']).status === 0;
  it.skipIf(!zsh)('zsh: the script parses and registers its completion function', async () => {
    const text = await script('zsh');
    const out = execFileSync('zsh', ['-c', `autoload -U compinit; compinit -u -D; eval "$1"; print -r -- \${_comps[bedrock-doctor]}`, 'zsh', text], { encoding: 'utf8' });
    expect(out.trim()).toBe('_bedrock_doctor');
  });
});
