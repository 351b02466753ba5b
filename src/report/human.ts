import type { ChalkInstance } from 'chalk';
import type { ReportCheck } from '../pipeline/result.js';
import type { JsonReport } from './json.js';
import { mostImportant } from './json.js';
import { renderCellList, renderGrid } from './grid.js';
import { chalkFor, cutList, oneLine, paint, wrapCommand, wrapHanging } from './style.js';
import { SYMBOLS, WHO } from './words.js';
import { verdictWord, type TargetVerdict } from './verdict.js';
import { clientLines, targetNote } from './client.js';
import { FINDING_STATUSES, GATES, type Status } from '../types.js';

export interface HumanOptions {
  color: boolean;
  verbose: boolean;
  strict: boolean;
  /** Columns to wrap at: the terminal's, COLUMNS, or 80. */
  width?: number;
}

export interface Layout {
  chalk: ChalkInstance;
  width: number;
  verbose: boolean;
  /** In a matrix, a policy is shown on --verbose only: its ARNs are wider than a terminal. */
  matrix: boolean;
}

/** Where the status column's text starts: "  ✖ provider-terms ". */
const HEAD = 19;

const FINDING = new Set<Status>(FINDING_STATUSES);

/** What a row shows: a check's, or an explained error's (whose gate may be "unknown"). */
export interface Row {
  gate: string;
  status: ReportCheck['status'];
  cause: string | null;
  summary: string;
  fix: ReportCheck['fix'];
  evidence?: ReportCheck['evidence'];
  durationMs?: number;
}

export function layoutFor(options: { color: boolean; verbose?: boolean; width?: number; matrix?: boolean }): Layout {
  return { chalk: chalkFor(options.color), width: options.width ?? 80, verbose: Boolean(options.verbose), matrix: Boolean(options.matrix) };
}

/** A row's text: a pass or skip is one short line; a gate stopped by another only points at it. */
function rowText(check: Row, layout: Layout): string {
  const blockedBy = check.cause?.startsWith('blocked-by-') ? check.cause.slice('blocked-by-'.length) : null;
  if (check.status === 'skip' && blockedBy) return `skipped: see ${blockedBy}`;
  // The invoke call failing for another gate's finding: that gate's row already says it.
  const seeGate = !layout.verbose && check.gate === 'invoke' ? /\(see ([a-z-]+)\)$/.exec(check.summary)?.[1] : undefined;
  if (seeGate) return `Converse failed: see ${seeGate}`;
  if (FINDING.has(check.status) || layout.verbose) return check.summary;
  return oneLine(check.summary, layout.width - HEAD);
}

/** One gate's row, and under a finding its fix, commands, policy and docs. */
export function renderRow(check: Row, layout: Layout): string[] {
  const { chalk, width } = layout;
  const head = `  ${paint(chalk, check.status, SYMBOLS[check.status])} ${check.gate.padEnd(15)}`;
  const text = rowText(check, layout);
  const lines = [wrapHanging(head, FINDING.has(check.status) ? paint(chalk, check.status, text) : text, width, HEAD)];
  if (check.fix && FINDING.has(check.status)) {
    lines.push(wrapHanging(`      ${chalk.bold('fix')} (${WHO.short[check.fix.actor]}): `, check.fix.text, width, 8));
    // Warnings stay short; commands and policies are for what blocks (or on --verbose).
    if (check.status !== 'warn' || layout.verbose) {
      // A long command wraps with a shell continuation, so it still pastes as one.
      for (const command of check.fix.commands ?? []) lines.push(wrapCommand(`        ${chalk.cyan('$')} `, command, width, 12));
      if (check.fix.policy && (!layout.matrix || layout.verbose)) {
        lines.push(JSON.stringify(check.fix.policy, null, 2).replace(/^/gm, '        '));
      } else if (check.fix.policy) {
        lines.push(chalk.gray('        policy: shown with --verbose or --format markdown'));
      }
    }
    if (check.fix.docs) lines.push(`        ${chalk.gray(check.fix.docs)}`);
  }
  if (layout.verbose && check.evidence) {
    const e = check.evidence;
    const facts = [e.service && `${e.service}:${e.operation}`, e.errorName, e.httpStatus && `HTTP ${e.httpStatus}`, e.requestId && `request ${e.requestId}`, check.durationMs !== undefined && `${check.durationMs} ms`]
      .filter(Boolean)
      .join(' · ');
    lines.push(chalk.gray(wrapHanging('      ', facts, width)));
    if (e.message) lines.push(chalk.gray(wrapHanging('      ', e.message, width)));
  }
  return lines;
}

/** The invoke call failing for another gate's finding: in a matrix, that gate's row says it all. */
const pointsElsewhere = (c: Row) => c.gate === 'invoke' && c.status === 'fail' && /\(see [a-z-]+\)$/.test(c.summary);

const sameFinding = (a: ReportCheck, b: ReportCheck) => a.status === b.status && a.summary === b.summary && a.cause === b.cause && a.fix?.text === b.fix?.text;

/** Gates whose row is the same for every target (credentials, often network): printed once. */
function sharedGates(report: JsonReport, checks: readonly ReportCheck[]): Set<string> {
  const shared = new Set<string>();
  for (const gate of new Set(checks.map((c) => c.gate))) {
    const rows = report.targets.map((t) => checks.find((c) => c.gate === gate && c.region === t.region && c.model === t.model));
    if (rows.every((r) => r && sameFinding(r, rows[0]!))) shared.add(gate);
  }
  return shared;
}

function identityLines(report: JsonReport, layout: Layout): string[] {
  const id = report.identity;
  if (!id) return [];
  // A matrix has a screen to fill: the identity in one line (the credentials row says the rest).
  if (layout.matrix) {
    const policies = id.principalArn && id.principalArn !== id.arn ? `, policies of ${id.principalArn}` : '';
    return [wrapHanging(`${layout.chalk.bold('Identity')} `, `${id.arn ?? 'Bedrock API key'}${policies} (${id.credentialSource})`, layout.width, 2)];
  }
  const lines = [layout.chalk.bold('Identity')];
  if (id.arn) lines.push(wrapHanging('  ', `${id.arn}${id.account ? ` (account ${id.account})` : ''}`, layout.width));
  if (id.principalArn && id.principalArn !== id.arn) lines.push(wrapHanging('  ', `policies of ${id.principalArn}`, layout.width));
  lines.push(`  credentials: ${id.credentialSource}${id.authMode === 'api-key' ? ' — Bedrock calls use the API key' : ''}`);
  lines.push('');
  return lines;
}

const cellName = (t: { model: string; region: string }) => `${t.model} in ${t.region}`;

/** "m in us-east-1 and us-west-2, n in eu-west-1": cells grouped by model, cut with a count. */
function cellsWords(cells: readonly { model: string; region: string }[]): string {
  const byModel = new Map<string, string[]>();
  for (const c of cells) byModel.set(c.model, [...(byModel.get(c.model) ?? []), c.region]);
  const and = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]!);
  const groups = [...byModel].map(([model, regions]) => `${model} in ${regions.length > 3 ? `${regions.length} Regions` : and(regions)}`);
  return cutList(groups, 2);
}

/** The last lines: how many cells are not ready, the verdict with the next step and its cells, the time. */
function verdictLines(report: JsonReport, checks: ReportCheck[], layout: Layout, strict: boolean): string[] {
  const { chalk } = layout;
  const lines: string[] = [];
  const matrix = report.targets.length > 1;
  if (report.only) lines.push(chalk.gray(`Only ${report.only.join(', ')}: ran ${report.gatesRun.join(', ')}.`));
  if (report.ready && report.only) {
    // A subset proves only itself: the verdict names what was not checked.
    lines.push(chalk.green.bold('Ready: ') + `the gates checked pass; ${GATES.filter((g) => !report.gatesRun.includes(g)).join(', ') || 'no gate'} not checked.`);
  } else if (report.ready) {
    const head = matrix ? `All ${report.targets.length} targets ready: ` : 'Ready: ';
    lines.push(chalk.green.bold(head) + 'this identity can call every model checked' + (checks.some((c) => c.gate === 'invoke' && c.status === 'skip') ? ' (predicted; the invoke call was skipped).' : '.'));
  } else {
    lines.push(notReadyLine(report, checks, layout, strict));
  }
  if (report.interrupted) lines.push(chalk.yellow('Interrupted: these are the results known so far.'));
  lines.push(chalk.gray(`(${report.durationMs} ms, exit ${report.exitCode})`));
  return lines;
}

/** "Not ready. Next step: …", or in a matrix "3 of 9 targets not ready. Next step for m in r (gate): …". */
function notReadyLine(report: JsonReport, checks: ReportCheck[], layout: Layout, strict: boolean): string {
  const { chalk, width } = layout;
  const matrix = report.targets.length > 1;
  const notReady = report.targets.filter((t) => !t.ready).length;
  const first = mostImportant(checks, strict);
  // In a matrix the verdict opens with the count: "3 of 9 targets not ready."
  const word = verdictWord(report);
  const verdictText = matrix ? `${notReady} of ${report.targets.length} targets ${word}.` : `${capitalized(word)}.`;
  const verdict = paint(chalk, first?.status ?? (report.exitCode === 1 ? 'fail' : 'inconclusive'), chalk.bold(verdictText));
  if (first?.fix) {
    const cells = matrix ? checks.filter((c) => c.gate === first.gate && c.cause === first.cause && c.status === first.status) : [];
    // In a matrix, the next step says which cells it is for: "for m in us-east-1 and us-west-2 (region)".
    const where = cells.length ? `for ${cellsWords(cells)} (${first.gate}): ` : '';
    return wrapHanging(`${verdict} ${WHO.nextStep[first.fix.actor]}${where ? ' ' : ': '}`, where + first.fix.text, width, 2);
  }
  return report.exitCode === 1 || matrix ? verdict : chalk.bold('Not proven: some checks could not be completed.');
}

/**
 * The doctor-style report. One target: a checklist, one line per gate, the fix under each
 * finding. Several: a models x Regions grid, the rows every target shares once, then details
 * for the cells that are not ready (every cell on --verbose).
 */
export function renderHuman(report: JsonReport, checks: ReportCheck[], options: HumanOptions): string {
  const layout = layoutFor({ ...options, matrix: report.targets.length > 1 });
  const { chalk } = layout;
  const lines = identityLines(report, layout);
  if (report.client) lines.push(...clientLines(report.client, chalk));
  const rowsOf = (t: TargetVerdict) => checks.filter((c) => c.region === t.region && c.model === t.model);
  if (!layout.matrix) {
    for (const target of report.targets) {
      lines.push(wrapHanging('', chalk.bold(`${target.model}  ·  ${target.region}`) + chalk.gray(`  ${targetNote(target, report.regionSource)}`), layout.width, 2));
      for (const check of rowsOf(target)) lines.push(...renderRow(check, layout));
      lines.push('');
    }
  } else {
    // Several Regions come from flags; one Region with several models may come from elsewhere.
    if (report.regionSource !== 'flag') lines.push(chalk.gray(`Region from ${report.regionSource}`));
    lines.push(...(renderGrid(report.targets, layout.width, chalk) ?? renderCellList(report.targets, layout.width, chalk)));
    // check --from: where each target came from (the client's setting for its model and Region).
    const fromClient = report.targets.filter((t) => t.origin);
    if (fromClient.length > 0) {
      lines.push('', chalk.bold('Where each target comes from'));
      for (const t of fromClient) lines.push(wrapHanging('  ', `${t.model}  ·  ${t.region}  ${chalk.gray(targetNote(t, report.regionSource))}`, layout.width, 4));
    }
    const shared = sharedGates(report, checks);
    const first = report.targets[0]!;
    if (shared.size > 0) {
      lines.push('', chalk.bold('Every target'));
      for (const check of rowsOf(first).filter((c) => shared.has(c.gate))) lines.push(...renderRow(check, layout));
      lines.push('');
    }
    // A finding already printed for another cell is one line here, pointing at the first.
    const printed = new Map<string, TargetVerdict>();
    for (const target of report.targets) {
      if (target.ready && !layout.verbose) continue;
      const rows = rowsOf(target).filter((c) => !shared.has(c.gate) && (layout.verbose || (FINDING.has(c.status) && !pointsElsewhere(c))));
      if (rows.length === 0) continue;
      lines.push(paint(chalk, target.ready ? 'pass' : target.status, SYMBOLS[target.ready ? 'pass' : target.status]) + ' ' + chalk.bold(`${target.model}  ·  ${target.region}`));
      for (const check of rows) {
        const key = `${check.gate}|${check.cause}`;
        const first = printed.get(key);
        if (first && !layout.verbose) {
          lines.push(`  ${paint(chalk, check.status, SYMBOLS[check.status])} ${check.gate.padEnd(15)}${oneLine(check.summary, layout.width - HEAD)}`);
          // Named by what differs: the Region for the same model, the model in the same Region.
          const name = first.model === target.model ? first.region : first.region === target.region ? first.model : cellName(first);
          if (check.fix) lines.push(chalk.gray(wrapHanging('      ', `fix: as for ${name} above (--verbose: this target's own)`, layout.width, 8)));
        } else lines.push(...renderRow(check, layout));
        if (!first) printed.set(key, target);
      }
      lines.push('');
    }
  }
  lines.push(...verdictLines(report, checks, layout, options.strict));
  return lines.join('\n') + '\n';
}

/** The verdict in one line, for stderr when the report goes to a file. */
export function verdictLine(report: JsonReport): string {
  const notReady = report.targets.filter((t) => !t.ready);
  const cells = report.targets.length > 1 ? ` (${notReady.length} of ${report.targets.length} targets)` : '';
  const atFault = [...new Set(notReady.map((t) => t.gate).filter(Boolean))].join(', ');
  if (report.ready) return `Ready (exit 0).`;
  const word = verdictWord(report);
  return `${capitalized(word)}${cells}${atFault ? `: ${atFault}` : ''} (exit ${report.exitCode}).`;
}

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);
