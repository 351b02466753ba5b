#!/usr/bin/env node
import * as nodeModule from 'node:module';
// The SDK warns on every run under Node 20 about its own future support window; that is
// about the SDK, not the identity being checked, so keep the doctor's stderr about the doctor.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Node 22.1+ keeps V8's compiled code between runs (as tsc does): compiling is much of a cold start.
// Older Nodes have no such call and compile every run.
nodeModule.enableCompileCache?.();
const { main } = await import('../dist/cli.js');

const code = await main(process.argv);
// Exit once stdout has drained, so a piped JSON report is complete and no idle socket keeps us alive.
process.stdout.write('', () => process.exit(code));
