import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainSchemaWithCauses } from '../../../scripts/generate-causes.js';
import { gatePage, readmeWithTables } from '../../../scripts/generate-docs.js';
import { CAUSE_IDS, CAUSES } from '../../../src/causes/index.js';
import { GATES } from '../../../src/types.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const STALE = '(run `npm run gen:causes` after changing the gates or the causes)';

describe('pages generated from the gates and the catalog', () => {
  it.each(GATES)(`docs/gates/%s.md is the generated page ${STALE}`, (gate) => {
    const page = read(`docs/gates/${gate}.md`);
    expect(page).toBe(gatePage(gate));
    // Every cause the gate reports has its section, with its fix (or why there is none).
    for (const id of CAUSE_IDS.filter((c) => CAUSES[c].gate === gate)) {
      const spec = CAUSES[id];
      expect(page).toContain(`### \`${id}\``);
      expect(page).toContain(spec.fix ? spec.fix.text : spec.noFix);
    }
  });

  it(`the README's gate and cause-id tables are the generated ones ${STALE}`, () => {
    const readme = read('README.md');
    expect(readme).toBe(readmeWithTables(readme));
    for (const id of CAUSE_IDS) expect(readme).toContain(`\`${id}\``);
    for (const gate of GATES) expect(readme).toContain(`(docs/gates/${gate}.md)`);
  });

  it(`schema/explain.schema.json enumerates exactly the catalog ids ${STALE}`, () => {
    const text = read('schema/explain.schema.json');
    expect(JSON.parse(text).$defs.causeId.enum).toEqual(CAUSE_IDS);
    expect(text).toBe(explainSchemaWithCauses(text));
  });
});
