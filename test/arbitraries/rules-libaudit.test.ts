/**
 * Every generated rule is one libaudit builds: explain each rule to auditctl text, build that text
 * with the real libaudit (scripts/ruleref.c through the rules differential helper), and expect the
 * very bytes the arbitrary made. Without gcc/libaudit-dev the test fails under CI=true and reports
 * the gap otherwise.
 */
import { arch as nodeArch } from 'node:os';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ruleArbitrary } from '../../src/arbitraries/index.js';
import { toHex } from '../../src/bytes/hex.js';
import { explainRule, kernelRuleCheck, ruleToBytes } from '../../src/rules/index.js';
import { buildRuleref, packHex, runRuleref } from '../rules/reference.js';

const RUNS = 300;
const hostMachine = nodeArch() === 'x64' ? 'x86_64' : nodeArch() === 'arm64' ? 'aarch64' : nodeArch();

describe('generated rules are accepted by libaudit with the same bytes', () => {
  test(`${RUNS} rules explain to the text they came from, and the kernel check accepts them`, () => {
    fc.assert(fc.property(ruleArbitrary({ host: hostMachine }), (r) => {
      expect(explainRule(r.rule, { arch: hostMachine })).toBe(r.text);
      expect(kernelRuleCheck(r.rule), r.text).toMatchObject({ ok: true });
    }), { numRuns: RUNS });
  });

  const ref = buildRuleref();
  if ('missing' in ref) {
    test('libaudit reference is available', () => {
      const why = `${ref.missing} (install: apt-get install gcc libaudit-dev)`;
      if (process.env['CI'] === 'true') expect.fail(`CI=true and the libaudit reference cannot be built: ${why}`);
      console.warn(`generated rules were NOT checked against libaudit: ${why}`);
    });
    return;
  }

  test(`${RUNS} generated rules (fixed seed, and a fresh one): libaudit builds the same bytes`, () => {
    for (const seed of [20261124, Date.now() % 2 ** 31]) {
      const rules = fc.sample(ruleArbitrary({ host: hostMachine, lsm: 'selinux' }), { numRuns: RUNS, seed });
      const texts = rules.map((r) => explainRule(r.rule, { arch: hostMachine }));
      const answers = runRuleref(ref.path, texts);
      const bad = rules.flatMap((r, i) => {
        const mine = `ok ${packHex(toHex(ruleToBytes(r.rule)))}`;
        return answers[i] === mine ? [] : [`${texts[i]}\n  libaudit: ${answers[i]!.slice(0, 90)}\n  ours:     ${mine.slice(0, 90)}`];
      });
      expect(bad, `seed ${seed}`).toEqual([]);
    }
  });
});
