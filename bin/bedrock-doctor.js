#!/usr/bin/env node
import { main } from '../dist/cli.js';

const code = await main(process.argv);
// Exit once stdout has drained, so a piped JSON report is complete and no idle socket keeps us alive.
process.stdout.write('', () => process.exit(code));
