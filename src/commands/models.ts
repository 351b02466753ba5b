import { UsageError } from '../errors.js';
import { secretScrubber } from '../secrets.js';
import { resolveRegions } from '../pipeline/plan.js';
import { renderModels } from '../report/models.js';
import { hostsBedrock } from '../vocabulary/regions.js';
import { emit, COMMAND_FORMATS, parseFormat, useColor, type Io } from './io.js';

interface ModelsFlags {
  profile?: string;
  format?: string;
  json?: boolean;
  timeout?: string;
  region?: string[];
}

/**
 * models: every foundation model of the Region with this identity's availability. Exit 0 when
 * the lists could be read (a partial answer says so); otherwise the reason on stderr, and 3
 * when it could not be decided (timeouts, throttling) or 1 when it was refused.
 */
export async function modelsCommand(flags: ModelsFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, COMMAND_FORMATS.models);
  const timeout = flags.timeout ?? '60';
  const seconds = Number(timeout);
  if (!/^\d+(\.\d+)?$/.test(timeout.trim()) || seconds < 1 || seconds > 3600) throw new UsageError('--timeout must be a number of seconds between 1 and 3600');
  const { regions } = await resolveRegions({ regions: flags.region ?? [], profile: flags.profile }, io.env);
  const [{ openReadSession }, { modelOverview }] = await Promise.all([import('../aws/session.js'), import('../aws/model-overview.js')]);
  const session = await openReadSession({ env: io.env, profile: flags.profile, homeRegion: regions.find(hostsBedrock) ?? 'us-east-1', timeoutMs: Math.round(seconds * 1000) });
  let overview;
  try {
    overview = await modelOverview(session.lookups, regions);
  } finally {
    session.close();
  }
  const text = format === 'json' ? JSON.stringify(overview.rows, null, 2) + '\n' : renderModels(overview.rows, regions, { color: useColor(io), partial: overview.partial });
  await emit(io, text, {});
  // Error texts can quote what the environment holds: scrubbed like stdout.
  const scrub = secretScrubber(io.env);
  if (format === 'json' && overview.partial.length > 0) io.stderr.write(scrub(`Partial answer: these look-ups failed, and what they would have shown is "unknown": ${overview.partial.join('; ')}.\n`));
  for (const { region, diagnosis } of overview.unreadable) io.stderr.write(scrub(`bedrock-doctor: cannot list the models of ${region}: ${diagnosis.summary} Fix: ${diagnosis.fix.text}\n`));
  if (overview.unreadable.length === 0) return 0;
  return overview.unreadable.every(({ diagnosis }) => diagnosis.status !== 'fail') ? 3 : 1;
}
