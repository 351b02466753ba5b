import { CLIENTS } from '../clients/index.js';
import { loadClient } from '../clients/load.js';
import { emit, COMMAND_FORMATS, parseFormat, type Io } from './io.js';

interface ClientsFlags {
  format?: string;
  json?: boolean;
}

interface ClientStatus {
  name: string;
  title: string;
  kind: 'app' | 'sdk';
  configured: boolean;
  /** Why not, or for an SDK preset, the Region its variables give. */
  note: string | null;
  files: { path: string; found: boolean; problem?: string }[];
  targets: { role: string; model: string; region: string | null }[];
}

/**
 * clients: every client check --from reads, and whether its configuration on this machine
 * routes it to Bedrock. Only file names, settings, model ids and Regions are shown: never a
 * value of a secret (the output is also scrubbed of the environment's secrets).
 */
export async function clientsCommand(flags: ClientsFlags, io: Io): Promise<number> {
  const format = parseFormat(flags.format, flags.json, COMMAND_FORMATS.clients);
  const statuses: ClientStatus[] = await Promise.all(
    CLIENTS.map(async (spec) => {
      const reading = await loadClient(spec, io.env);
      const sdkRegion = spec.kind === 'sdk' ? reading.region : undefined;
      return {
        name: spec.name,
        title: spec.title,
        kind: spec.kind,
        configured: spec.kind === 'app' ? reading.configured : Boolean(sdkRegion?.region),
        note:
          spec.kind === 'sdk'
            ? sdkRegion?.region
              ? `Region ${sdkRegion.region} from ${sdkRegion.from.setting}`
              : `no Region: ${sdkRegion?.from.setting ?? 'its Region variable'} is unset`
            : reading.configured
              ? null
              : (reading.notConfigured ?? null),
        files: reading.files,
        targets: reading.targets.map(({ role, model, region }) => ({ role, model, region })),
      };
    }),
  );
  if (format === 'json') {
    await emit(io, JSON.stringify(statuses, null, 2) + '\n', {});
    return 0;
  }
  const width = Math.max(...statuses.map((s) => s.name.length));
  const lines = ['Clients (bedrock-doctor check --from CLIENT[:PATH]):', ''];
  for (const s of statuses) {
    const state = s.kind === 'sdk' ? 'environment only' : s.configured ? 'configured for Bedrock' : s.files.some((f) => f.found) ? 'found, not for Bedrock' : 'not found';
    lines.push(`  ${s.name.padEnd(width)}  ${state.padEnd(22)}  ${s.title}`);
    const found = s.files.filter((f) => f.found);
    if (found.length) lines.push(`  ${''.padEnd(width)}  read: ${found.map((f) => f.path + (f.problem ? ` (${f.problem})` : '')).join(', ')}`);
    for (const t of s.targets) lines.push(`  ${''.padEnd(width)}  ${t.role}: ${t.model} in ${t.region ?? '(no Region)'}`);
    if (s.note && (s.kind === 'sdk' || found.length)) lines.push(`  ${''.padEnd(width)}  ${s.note}`);
  }
  await emit(io, lines.join('\n') + '\n', {});
  return 0;
}
