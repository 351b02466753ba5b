/** `check --list-checks`: the gates, what each needs first and the calls it makes, from gates/about. */

import { GATE_ABOUT } from '../gates/about.js';
import { GATES, type Gate } from '../types.js';
import { ACTION_OF_OPERATION } from '../vocabulary/iam-actions.js';

export interface GateListing {
  gate: Gate;
  holds: string;
  dependsOn: Gate[];
  /** The IAM actions of the calls it makes. */
  actions: string[];
}

export function gateListing(): GateListing[] {
  return GATES.map((gate) => {
    const about = GATE_ABOUT[gate];
    return { gate, holds: about.holds.replace(/`/g, ''), dependsOn: about.dependsOn, actions: [...new Set(about.calls.map((op) => ACTION_OF_OPERATION[op]))] };
  });
}

export function renderGateList(): string {
  const lines = gateListing().map(({ gate, holds, dependsOn, actions }) =>
    [
      `${gate.padEnd(15)} ${holds}`,
      `${' '.repeat(16)}needs: ${dependsOn.join(', ') || '—'} · calls: ${actions.join(', ') || 'none (a TLS connection to each endpoint)'}`,
    ].join('\n'),
  );
  return `${lines.join('\n')}\n\nRun a subset with --only <gate,…>: the gates it needs run too, and the report lists them in gatesRun.\n`;
}
