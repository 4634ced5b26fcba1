/**
 * Long fuzz campaigns: `npm run fuzz -- --minutes N [--seed S] [--target SUBSTRING] [--no-write]`.
 *
 * Runs every entry point of test/fuzz/targets.ts round-robin with random seeds (or --seed) until
 * the time is up. Each input that breaks the contract is shrunk and written to
 * test/fixtures/fuzz/<target>.<digest>.json (hex + what escaped), once per distinct violation,
 * so that it becomes a regression test (test/fuzz/regression.test.ts replays every fixture).
 * Violations of open findings (test/fuzz/known-failures.ts) are counted, not written again.
 *
 * Built by `tsc -p fuzz/tsconfig.json` into fuzz/dist (Node 20 runs no .ts); run from the
 * repository root.
 */
import { parseArgs } from 'node:util';
import { listFixtures, writeFixture } from '../test/fuzz/fixtures.js';
import { knownFailure } from '../test/fuzz/known-failures.js';
import { shrink, sameViolation } from '../test/fuzz/shrink.js';
import { allTargets, caseInput, checkContract, type Violation } from '../test/fuzz/targets.js';

/** A case slower than this is printed (SLOW ...) so that superlinear decoders show up. */
const SLOW_MS = 1000;

const USAGE = 'usage: npm run fuzz -- [--minutes N] [--seed S] [--target SUBSTRING] [--batch N] [--no-write]';

function main(): number {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '1' },
      seed: { type: 'string' },
      target: { type: 'string' },
      batch: { type: 'string', default: '200' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const minutes = Number(values.minutes);
  const batch = Number(values.batch);
  if (!(minutes > 0) || !(batch > 0)) {
    console.error(USAGE);
    return 2;
  }
  const root = process.cwd();
  let seed = values.seed === undefined ? (Math.random() * 0x1_0000_0000) >>> 0 : Number(values.seed) >>> 0;
  const targets = allTargets(root).filter((t) => values.target === undefined || t.name.includes(values.target));
  if (targets.length === 0) {
    console.error(`no target matches ${values.target}`);
    return 2;
  }
  const known: { target: string; v: Violation }[] = listFixtures(root).map((f) => ({
    target: f.fixture.target,
    v: { target: f.fixture.target, kind: f.fixture.escaped.kind, message: f.fixture.escaped.message },
  }));
  const stats = new Map<string, { cases: number; ms: number; violations: number; knownHits: number }>();
  const written: string[] = [];
  const start = Date.now();
  const deadline = start + minutes * 60_000;
  console.log(`fuzz: ${targets.length} targets, ${minutes} min, first seed ${seed}`);
  let round = 0;
  while (Date.now() < deadline) {
    for (const t of targets) {
      if (Date.now() >= deadline) break;
      const s = stats.get(t.name) ?? { cases: 0, ms: 0, violations: 0, knownHits: 0 };
      stats.set(t.name, s);
      const t0 = Date.now();
      for (let i = 0; i < batch && Date.now() < deadline; i++) {
        const m = caseInput(t, seed, i);
        const c0 = Date.now();
        const v = checkContract(t, m.bytes);
        const dt = Date.now() - c0;
        // Cost findings are reported, not written as fixtures (a replay would be a timed test).
        if (dt > SLOW_MS) console.log(`SLOW ${t.name} seed ${seed} case ${i} [${m.kind}] ${dt} ms for ${m.bytes.length} bytes (replay: caseInput(target, ${seed}, ${i}))`);
        s.cases++;
        if (v === undefined) continue;
        s.violations++;
        if (knownFailure(t.name, v.message) !== undefined) {
          s.knownHits++;
          continue;
        }
        if (known.some((k) => k.target === t.name && sameViolation(k.v, v))) continue;
        const small = shrink(t, m.bytes);
        known.push({ target: t.name, v: small.violation });
        console.log(`VIOLATION ${t.name} [${m.kind}] ${small.violation.kind}: ${small.violation.message.slice(0, 300)}`);
        if (!values['no-write']) written.push(writeFixture(root, t.name, small.bytes, m.kind, small.violation, seed, i));
      }
      s.ms += Date.now() - t0;
      seed = (seed + 0x9e3779b9) >>> 0;
    }
    round++;
  }
  let total = 0;
  for (const [name, s] of stats) {
    total += s.cases;
    console.log(`${name.padEnd(40)} ${String(s.cases).padStart(8)} cases ${String(s.ms).padStart(7)} ms  ${s.violations} violations (${s.knownHits} of open findings)`);
  }
  console.log(`fuzz: ${total} cases in ${((Date.now() - start) / 1000).toFixed(1)} s, ${round} rounds, ${written.length} new fixture(s)${written.length > 0 ? `: ${written.join(', ')}` : ''}`);
  return written.length > 0 ? 1 : 0;
}

process.exitCode = main();
