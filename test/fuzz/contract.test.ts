/**
 * The CI slice of the fuzz suite: every entry point of targets.ts, fixed seeds, a fixed number of
 * mutated and random inputs each (tens of thousands in all). Contract: only AuditError escapes,
 * with an offset inside the input; readers advance; decoded datagrams re-encode to the same bytes;
 * the chunked stream reader agrees with one whole read; valid inputs still decode afterwards.
 * Long campaigns with random seeds: `npm run fuzz -- --minutes N` (docs/robustness.md).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/bytes/hex.js';
import { knownFailure } from './known-failures.js';
import { allTargets, caseInput, checkContract } from './targets.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 0x20261124;
const targets = allTargets(ROOT);

let total = 0;

describe('fuzz slice (fixed seed)', () => {
  for (const t of targets) {
    it(`${t.name}: ${t.ciCases} cases`, () => {
      expect(t.seeds.length).toBeGreaterThan(0);
      const problems: string[] = [];
      const kinds = new Map<string, number>();
      for (let i = 0; i < t.ciCases; i++) {
        const m = caseInput(t, SEED, i);
        kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
        const v = checkContract(t, m.bytes);
        if (v !== undefined && knownFailure(t.name, v.message) === undefined && problems.length < 5) {
          problems.push(`case ${i} [${m.kind}] ${v.kind}: ${v.message}\n  input ${toHex(m.bytes).slice(0, 400)}${v.stack === undefined ? '' : `\n  ${v.stack}`}`);
        }
      }
      total += t.ciCases;
      expect(problems).toEqual([]);
      // The mutations were varied, not one kind over and over.
      expect(kinds.size).toBeGreaterThan(1);
      // Recovery: the valid inputs still decode (no state left behind by the bad ones).
      for (const s of t.seeds.slice(0, 5)) {
        const v = checkContract(t, s);
        expect(v === undefined || knownFailure(t.name, v.message) !== undefined ? undefined : v.message).toBeUndefined();
      }
    });
  }
  it('ran tens of thousands of cases', () => {
    expect(total).toBeGreaterThan(40_000);
  });
});
