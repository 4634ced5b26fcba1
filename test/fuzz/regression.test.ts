/**
 * Replays every input in test/fixtures/fuzz/ (written by `npm run fuzz` or by hand for a
 * finding). A fixture listed in known-failures.ts must still break the contract (open finding);
 * every other fixture must pass. When a listed one starts passing, the finding was fixed: remove
 * its entry from known-failures.ts and mark it fixed in FINDINGS.md.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listFixtures } from './fixtures.js';
import { KNOWN_FAILURES } from './known-failures.js';
import { allTargets, checkContract, targetByName } from './targets.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const targets = allTargets(ROOT);
const fixtures = listFixtures(ROOT);

describe('fuzz fixtures', () => {
  it('every known failure names a fixture that exists', () => {
    for (const k of KNOWN_FAILURES) {
      expect(k.fixture !== undefined || k.test !== undefined).toBe(true);
      if (k.fixture !== undefined) expect(fixtures.map((f) => f.file)).toContain(k.fixture);
    }
  });
  for (const { file, fixture, bytes } of fixtures) {
    const known = KNOWN_FAILURES.find((k) => k.fixture === file);
    it(`${file}${known === undefined ? '' : ` (open finding ${known.finding})`}`, () => {
      const t = targetByName(targets, fixture.target);
      expect(t, `target ${fixture.target}`).toBeDefined();
      const v = checkContract(t!, bytes);
      if (known === undefined) {
        expect(v?.message).toBeUndefined();
      } else {
        expect(v, `finding ${known.finding} no longer reproduces: fixed? remove it from known-failures.ts`).toBeDefined();
        expect(v!.message).toContain(known.signature);
      }
    });
  }
});
