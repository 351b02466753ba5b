import type { Command } from 'commander';
import { OutputError, UsageError } from './errors.js';
import { COMMAND_FORMATS, processIo, type Io } from './commands/io.js';
import { secretScrubber } from './secrets.js';
import { SCHEMA_VERSION, TOOL_NAME, VERSION, verboseVersion } from './version.js';
import { CHECK_HELP, CLIENTS_HELP, COMPLETION_HELP, DEMO_HELP, EXPLAIN_HELP, LINT_HELP, MODELS_HELP, POLICY_HELP } from './commands/help.js';
import { collectList as collect, moveOptionsAfterCommand, positionalHint } from './commands/usage-hints.js';

const COMMANDS = ['check', 'explain', 'policy', 'models', 'clients', 'demo', 'completion', 'help'];

/** Builds the program; each action records its exit code. Commands load lazily (fast --version). */
export function program(
  { Command, Argument }: typeof import('commander'),
  io: Io,
  setExit: (code: number) => void,
  onUsageError: (message: string) => void,
): Command {
  const cli = new Command('bedrock-doctor')
    .description('Can this AWS identity really call this Amazon Bedrock model? If not, which gate is at fault, and the fix.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    // A subcommand's options after its name are its own (`policy lint FILE --stream`).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => {
        // Commander may add a second line ("(Did you mean check?)"): the contract is one line.
        let message = s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ');
        // Words check takes no positional argument for: most often a model id without --model.
        const excess = /^too many arguments for '(\w+)'/.exec(message);
        const words = excess ? cli.commands.find((c) => c.name() === excess[1])?.args : undefined;
        if (excess && words?.length) message = positionalHint(excess[1]!, words);
        onUsageError(message);
        write(`bedrock-doctor: ${message}\n`);
      },
    });

  cli
    .command('check')
    .description('check every gate for each Region x model, with a minimal Converse call as the ground truth')
    .optionsGroup('Targets:')
    .option('-r, --region <region>', 'AWS Region (repeat, or a comma list) [default: AWS_REGION, AWS_DEFAULT_REGION, the profile]', collect)
    .option('-m, --model <id>', 'model id, inference profile id or ARN (repeat, or a comma list)', collect)
    .option('--from <client[:path]>', "check what a client's configuration will call (see `bedrock-doctor clients`)")
    .option('-p, --profile <name>', 'AWS profile [default: AWS_PROFILE, then default]')
    .option('-c, --config <file>', 'settings file [default: ./bedrock-doctor.config.json, then package.json "bedrock-doctor"]')
    .optionsGroup('What to check:')
    .option('--no-invoke', 'do not make the Converse call (predictions only)')
    .option('--allow-subscribe', 'allow a Converse call that would subscribe the account to a Marketplace model')
    .option('--stream', 'also require bedrock:InvokeModelWithResponseStream (ConverseStream)')
    .option('--expect-account <id>', 'fail unless the credentials belong to this account')
    .option('--only <gates>', 'run only these gates, comma-separated, and the gates they depend on')
    .option('--list-checks', 'list the gates, what each depends on and the calls it makes, then exit')
    .option('-t, --timeout <seconds>', 'time limit for one attempt [default: 60]')
    .option('--wait <duration>', 're-check targets not ready, with backoff, for up to this long (e.g. 90s, 15m)')
    .option('--strict', 'treat warnings as failures (exit 1); same as --fail-on warn')
    .option('--fail-on <statuses>', 'these statuses also exit 1: warn, inconclusive, pending (comma-separated)')
    .optionsGroup('Output:')
    .option('-f, --format <format>', formatsHelp('check'))
    .option('--json', 'same as --format json')
    .option('-o, --output <file|format>', "a file to write the report to, or the AWS CLI's json, table, text, yaml; - is stdout")
    .option('--json-file <file>', 'also write the JSON report to this file (for CI)')
    .option('--redact', 'mask account ids, access key ids and home paths (for tickets)')
    .option('-v, --verbose', 'every row in full, with its evidence (never secrets)')
    .addHelpText('after', CHECK_HELP)
    .action(async (flags) => {
      const { checkCommand } = await import('./commands/check.js');
      setExit(await checkCommand(flags, io));
    });

  cli
    .command('explain')
    .description('diagnose every Bedrock/AWS error in a pasted text, log or file: the gate at fault and the fix')
    .argument('[text]', "the error text, or a file to read; '-' or nothing reads stdin")
    .optionsGroup('Output:')
    .option('-f, --format <format>', formatsHelp('explain'))
    .option('--json', 'same as --format json')
    .option('-o, --output <file|format>', "a file to write to, or json, text; - is stdout")
    .addHelpText('after', EXPLAIN_HELP)
    .action(async (text: string | undefined, flags) => {
      const { explainCommand } = await import('./commands/explain.js');
      setExit(await explainCommand(text, flags, io));
    });

  const policy = cli
    .command('policy')
    .description('print the least-privilege IAM policy to call these models (reads the profiles with credentials at hand, else offline)')
    .enablePositionalOptions()
    .optionsGroup('Targets:')
    .option('-m, --model <id>', 'model id, inference profile id or ARN (repeat, or a comma list)', collect)
    .option('-r, --region <region>', 'AWS Region (repeat, or a comma list) [default: AWS_REGION, AWS_DEFAULT_REGION, the profile]', collect)
    .option('--account <id>', "the account that owns the inference-profile ARNs [default: the credentials']")
    .optionsGroup('Statements:')
    .option('--stream', 'also allow ConverseStream (bedrock:InvokeModelWithResponseStream)')
    .option('--admin', "add the administrator's one-time provisioning statements (Marketplace subscription, agreement, use-case form)")
    .option('--product-id <id>', 'with --admin: limit the Marketplace subscription to this product (repeatable)', collect)
    .option('--doctor', 'add the read-only permissions bedrock-doctor uses to look')
    .option('--principal <arn>', 'with --doctor: your own IAM user or role ARN, to scope the simulation permission to it')
    .optionsGroup('Look-ups:')
    .option('--offline', 'do not look anything up: build from the ids and the documented geographies')
    .option('-p, --profile <name>', 'AWS profile to look up with [default: AWS_PROFILE, then default]')
    .optionsGroup('Output:')
    .option('-f, --format <format>', formatsHelp('policy'))
    .addHelpText('after', POLICY_HELP)
    .action(async (flags) => {
      const { policyCommand } = await import('./commands/policy.js');
      setExit(await policyCommand(flags, io));
    });

  policy
    .command('lint')
    .description('find the known mistakes in a policy document (JSON, or Terraform jsonencode); exit 1 on an error')
    .argument('<file>', "the policy file; '-' reads stdin")
    .optionsGroup('What to expect:')
    .option('--stream', 'the client streams: the policy must allow bedrock:InvokeModelWithResponseStream')
    .option('--admin', "the policy is the administrator's: Marketplace rights are expected")
    .optionsGroup('Output:')
    .option('-f, --format <format>', formatsHelp('policy lint'))
    .option('--json', 'same as --format json')
    .addHelpText('after', LINT_HELP)
    .action(async (file: string, flags) => {
      const { policyLintCommand } = await import('./commands/policy-lint.js');
      setExit(await policyLintCommand(file, flags, io));
    });

  cli
    .command('models')
    .description("every foundation model in the Region: provider, lifecycle, inference types, profiles, and this identity's availability")
    .optionsGroup('Look-ups:')
    .option('-r, --region <region>', 'AWS Region (repeat, or a comma list) [default: AWS_REGION, AWS_DEFAULT_REGION, the profile]', collect)
    .option('-p, --profile <name>', 'AWS profile [default: AWS_PROFILE, then default]')
    .option('-t, --timeout <seconds>', 'time limit for the whole run [default: 60]')
    .optionsGroup('Output:')
    .option('-f, --format <format>', formatsHelp('models'))
    .option('--json', 'same as --format json')
    .addHelpText('after', MODELS_HELP)
    .action(async (flags) => {
      const { modelsCommand } = await import('./commands/models.js');
      setExit(await modelsCommand(flags, io));
    });

  cli
    .command('clients')
    .description('list the clients check --from reads, and which are configured for Bedrock here (never prints secrets)')
    .optionsGroup('Output:')
    .option('-f, --format <format>', formatsHelp('clients'))
    .option('--json', 'same as --format json')
    .addHelpText('after', CLIENTS_HELP)
    .action(async (flags) => {
      const { clientsCommand } = await import('./commands/clients.js');
      setExit(await clientsCommand(flags, io));
    });

  cli
    .command('demo')
    .description('run the real check pipeline against a local AWS emulator: see each failure and its fix without AWS')
    .argument('[scenario]', 'scenario name (see --list) [default: healthy]')
    .option('--list', 'list the scenarios')
    .option('--strict', 'treat warnings as failures (exit 1)')
    .optionsGroup('Output:')
    .option('-f, --format <format>', formatsHelp('demo'))
    .option('--json', 'same as --format json')
    .option('-o, --output <file|format>', "a file to write the report to, or the AWS CLI's json, table, text, yaml; - is stdout")
    .option('-v, --verbose', 'every row in full, with its evidence')
    .addHelpText('after', DEMO_HELP)
    .action(async (scenario: string | undefined, flags) => {
      const { demoCommand } = await import('./commands/demo.js');
      setExit(await demoCommand(scenario ?? 'healthy', flags, io));
    });

  cli
    .command('completion')
    .description('print the shell completion script: source <(bedrock-doctor completion bash)')
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(['bash', 'zsh']))
    .addHelpText('after', COMPLETION_HELP)
    .action(async (shell: 'bash' | 'zsh') => {
      const { completionCommand } = await import('./commands/completion.js');
      setExit(await completionCommand(shell, cli, io));
    });
  return cli;
}

/** Whether the command line asked for JSON, read from the raw words (they may not parse). */
function wantsJson(argv: string[]): boolean {
  return argv.some(
    (arg, i) =>
      arg === '--json' ||
      arg.toLowerCase() === '--format=json' ||
      arg.toLowerCase() === '--output=json' ||
      (['--format', '-f', '--output', '-o'].includes(arg) && argv[i + 1]?.toLowerCase() === 'json'),
  );
}

/**
 * A usage error for a JSON consumer: stdout still holds one JSON document (stderr has the line),
 * so `jq` in a CI step sees `exitCode: 2` instead of a parse error.
 */
function errorJson(io: Io, kind: 'usage' | 'internal', exitCode: 2 | 3, message: string): void {
  io.stdout.write(JSON.stringify({ schemaVersion: SCHEMA_VERSION, tool: { name: TOOL_NAME, version: VERSION }, ready: false, exitCode, error: { kind, message } }, null, 2) + '\n');
}

/** The one error boundary: usage errors are one line and exit 2; nothing prints a stack trace. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // --version needs no parser: answer before loading one (the cold start users see most).
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const words = new Set(argv.slice(2));
  if (argv.length === 4 && (words.has('--version') || words.has('-V')) && (words.has('--verbose') || words.has('-v'))) {
    io.stdout.write(verboseVersion());
    return 0;
  }
  const commander = await import('commander');
  const { CommanderError } = commander;
  let exitCode = 0;
  let usageMessage = '';
  const cli = program(
    commander,
    io,
    (code) => (exitCode = code),
    (message) => (usageMessage = message),
  );
  try {
    if (argv.length <= 2) {
      cli.outputHelp();
      return 2;
    }
    await cli.parseAsync(moveOptionsAfterCommand(argv, COMMANDS));
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (wantsJson(argv)) errorJson(io, 'usage', 2, usageMessage || error.message);
      return 2;
    }
    if (error instanceof OutputError) {
      // stdout is what failed: the one line goes to stderr only.
      io.stderr.write(`bedrock-doctor: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`bedrock-doctor: ${error.message}\n`);
      if (wantsJson(argv)) errorJson(io, 'usage', 2, error.message);
      return 2;
    }
    // A bug must not look like a verdict: report it in one line, as "could not be decided".
    const message = secretScrubber(io.env)(String((error as Error)?.message ?? error).split('\n')[0] ?? '');
    io.stderr.write(`bedrock-doctor: internal error: ${message} (please report it with the command you ran)\n`);
    if (wantsJson(argv)) errorJson(io, 'internal', 3, message);
    return 3;
  }
}

/** --format's help, from the one table of each command's formats (the first is the default). */
function formatsHelp(command: keyof typeof COMMAND_FORMATS): string {
  const formats: readonly string[] = COMMAND_FORMATS[command];
  return `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}, any case [default: ${formats[0]}]`;
}
