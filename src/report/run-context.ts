import type { JsonReport } from './json.js';

/**
 * Where the settings came from and how long --wait took, beside a human report (first) or a
 * Markdown one (last); the JSON report holds them as fields.
 */
export function withRunContext(text: string, format: 'human' | 'json' | 'markdown' | 'yaml', report: Pick<JsonReport, 'configFile' | 'attempts' | 'waitedMs'>): string {
  const notes: string[] = [];
  if (report.configFile) notes.push(`Settings from ${report.configFile} (flags override it).`);
  if (report.attempts !== undefined) {
    notes.push(`Checked ${report.attempts} time${report.attempts === 1 ? '' : 's'}, waiting ${Math.round((report.waitedMs ?? 0) / 1000)} s (--wait).`);
  }
  // JSON and YAML carry them as fields.
  if (notes.length === 0 || format === 'json' || format === 'yaml') return text;
  return format === 'markdown' ? `${text}\n${notes.map((n) => `- ${n}`).join('\n')}\n` : `${notes.join('\n')}\n\n${text}`;
}
