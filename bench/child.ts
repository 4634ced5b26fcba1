/**
 * One measurement in its own process (so that its peak RSS is its own):
 *   node bench/.dist/child.js '{"case":"text-fields","file":"...","seconds":1.5}'
 * Prints one JSON line: { ok, units, seconds, passes, maxRssKB, note } or { ok: false, missing }.
 */
import { CASES, zeroUnits, type CaseSpec, type Units } from './cases.js';
import { Missing } from './lib.js';

interface ChildSpec extends CaseSpec {
  /** Time passes until at least this long (after one untimed warm-up pass). */
  readonly seconds: number;
  readonly warmup?: boolean;
}

function add(a: Units, b: Units): void {
  a.records += b.records;
  a.fields += b.fields;
  a.events += b.events;
  a.datagrams += b.datagrams;
  a.bytes += b.bytes;
  a.ops += b.ops;
  a.acc += b.acc;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ChildSpec;
  const make = CASES[spec.case];
  if (make === undefined) throw new Error(`unknown case ${spec.case}`);
  let prepared;
  try {
    prepared = await make(spec);
  } catch (e) {
    if (e instanceof Missing) {
      process.stdout.write(`${JSON.stringify({ ok: false, missing: e.what })}\n`);
      return;
    }
    throw e;
  }
  const total = zeroUnits();
  let passes = 0;
  let first: Units | undefined;
  if (prepared.once !== true && spec.warmup !== false) first = await prepared.pass();
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  do {
    const u = await prepared.pass();
    first ??= u;
    add(total, u);
    passes++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (prepared.once !== true && elapsed < spec.seconds);
  const maxRssKB = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ ok: true, units: total, perPass: first, seconds: elapsed, passes, maxRssKB, note: prepared.note })}\n`);
}

main().catch((e: unknown) => {
  process.stdout.write(`${JSON.stringify({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
  process.exitCode = 1;
});
