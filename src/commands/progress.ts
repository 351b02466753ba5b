import type { RunDependencies } from '../pipeline/run.js';
import type { CallInFlight } from '../aws/call.js';
import type { Io } from './io.js';

/** After this long on one call, the spinner says it is slow (as flutter doctor does after 10 s). */
const SLOW_MS = 10_000;

/** "waiting on bedrock-runtime Converse in us-east-1 (12 s)": the oldest call still in flight. */
export function waitingText(calls: Iterable<CallInFlight>, now: number, done: number, total: number): string {
  let oldest: CallInFlight | undefined;
  for (const call of calls) if (!oldest || call.startedAt < oldest.startedAt) oldest = call;
  if (!oldest) return `Checking… ${done}/${total}`;
  const ms = now - oldest.startedAt;
  const where = oldest.region ? ` in ${oldest.region}` : '';
  const slow = ms >= SLOW_MS ? ' — this is taking longer than usual' : '';
  return `Checking… ${done}/${total}, waiting on ${oldest.service} ${oldest.operation}${where} (${Math.floor(ms / 1000)} s)${slow}`;
}

/**
 * The spinner for a person at a terminal (loaded only then): it names the call it waits on and
 * its time, refreshed each second.
 */
export interface Progress {
  hooks: Pick<RunDependencies, 'onCheck' | 'watch'>;
  /** Between --wait's attempts: a line above the spinner, then a count of the next attempt's checks. */
  nextAttempt(line: string, total: number): void;
  stop(): void;
}

export async function startProgress(io: Io, total: number): Promise<Progress> {
  const { default: ora } = await import('ora');
  // ora would put the terminal in raw mode to discard typing, which swallows Ctrl-C.
  const spinner = ora({ text: `Checking… 0/${total}`, stream: io.stderr, color: 'cyan', discardStdin: false }).start();
  const inFlight = new Set<CallInFlight>();
  let done = 0;
  const refresh = () => (spinner.text = waitingText(inFlight, Date.now(), done, total));
  const timer = setInterval(refresh, 1000);
  timer.unref();
  return {
    hooks: {
      onCheck: () => {
        done++;
        refresh();
      },
      watch: (call) => {
        inFlight.add(call);
        refresh();
        return () => void inFlight.delete(call);
      },
    },
    nextAttempt: (line, next) => {
      spinner.clear();
      io.stderr.write(line);
      done = 0;
      total = next;
      refresh();
    },
    stop: () => {
      clearInterval(timer);
      spinner.stop();
    },
  };
}
