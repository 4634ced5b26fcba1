import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeNameValue, enrichedFields, enrichRecord, formatEnrichedLogLine } from '../../src/interpret/index.js';
import type { EnrichOptions } from '../../src/interpret/index.js';
import { formatLogLine, parseLogLine } from '../../src/records/index.js';
import { AUPARSE } from '../records/vectors.js';
import { arbGeneratedLog } from './generated.js';

/** One line of `scripts/auparse-ref.py --enriched`: the line, auditd's suffix, the names the host gave. */
interface EnrichedRef {
  readonly line: string;
  readonly enriched: string | null;
  readonly ids: readonly (readonly ['uid' | 'gid', string, string])[];
}

const HELPER = fileURLToPath(new URL('../../scripts/auparse-ref.py', import.meta.url));
const PYTHON = process.env['AUPARSE_PYTHON'] ?? '/usr/bin/python3';
const available = spawnSync(PYTHON, ['-c', 'import auparse, audit'], { stdio: 'ignore' }).status === 0;

/**
 * The resolvers that give the names the reference's host gave (its passwd/group), taken from the
 * helper's `ids`: the only machine-dependent part of an ENRICHED line.
 */
function resolversOf(ref: EnrichedRef): EnrichOptions {
  const users = new Map<number, string>();
  const groups = new Map<number, string>();
  for (const [kind, raw, name] of ref.ids) {
    if (name === 'unset' || /^unknown\(-?\d+\)$/.test(name)) continue;
    // As strtoul: the leading digits, 0 without any (`auid=?` is uid 0 to auparse).
    const digits = /^-?\d+/.exec(raw)?.[0] ?? '0';
    (kind === 'uid' ? users : groups).set(Number(BigInt.asUintN(32, BigInt(digits))), name);
  }
  return { resolveUser: (id) => users.get(id), resolveGroup: (id) => groups.get(id) };
}

/** Every line whose ENRICHED form differs from auditd's (auparse 3.0.9 + libaudit's encoder). */
function disagreements(refs: readonly EnrichedRef[]): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    const ours = formatEnrichedLogLine(parseLogLine(ref.line), resolversOf(ref));
    const want = ref.line + (ref.enriched ?? '');
    if (ours !== want) out.push(`${JSON.stringify(ours)}\n  vs ${JSON.stringify(want)}`);
  }
  return out;
}

const parseRefs = (text: string): EnrichedRef[] => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as EnrichedRef);

describe('ENRICHED writing, as auditd 3.0.9 format_enrich', () => {
  test('the committed answers (records.log, interp-gaps.log, the vectors logs, go-libaudit) all agree', () => {
    const refs = parseRefs(readFileSync(`${AUPARSE}enriched.auparse.jsonl`, 'utf8'));
    expect(refs.length).toBe(546);
    expect(refs.filter((r) => r.enriched !== null).length).toBe(375);
    expect(disagreements(refs)).toEqual([]);
  });

  test('uid/gid quoted or hex, syscall/arch/sockaddr plain, names upper-cased, in record order', () => {
    const r = parseLogLine('type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=42 success=no exit=-115 a0=3 auid=1000 uid=0 gid=4294967295 comm="x"');
    const names = new Map([[1000, 'Jane Doe'], [0, 'root']]);
    expect(enrichedFields(r, { resolveUser: (id) => names.get(id) })).toEqual([
      { name: 'ARCH', raw: 'x86_64' }, { name: 'SYSCALL', raw: 'connect' }, { name: 'AUID', raw: '4A616E6520446F65' },
      { name: 'UID', raw: '"root"' }, { name: 'GID', raw: '"unset"' },
    ]);
    const line = formatEnrichedLogLine(r, { resolveUser: (id) => names.get(id) });
    expect(line.endsWith('comm="x"\x1dARCH=x86_64 SYSCALL=connect AUID=4A616E6520446F65 UID="root" GID="unset"')).toBe(true);
    // Without a resolver an id is unknown(N), quoted.
    expect(formatEnrichedLogLine(parseLogLine('type=LOGIN msg=audit(1.000:2): pid=1 uid=7'))).toBe('type=LOGIN msg=audit(1.000:2): pid=1 uid=7\x1dUID="unknown(7)"');
  });

  test('records without such fields get no suffix; an existing suffix is replaced', () => {
    const cwd = parseLogLine('type=CWD msg=audit(1.000:1): cwd="/root"');
    expect(enrichRecord(cwd)).toEqual(cwd);
    const old = parseLogLine('type=LOGIN msg=audit(1.000:2): pid=1 uid=0\x1dUID="someone-else"');
    expect(formatLogLine(enrichRecord(old, { resolveUser: () => 'root' }))).toBe('type=LOGIN msg=audit(1.000:2): pid=1 uid=0\x1dUID="root"');
  });

  test('encodeNameValue is libaudit audit_encode_nv_string', () => {
    expect(encodeNameValue('AUID', 'root')).toBe('AUID="root"');
    expect(encodeNameValue('UID', 'a b')).toBe('UID=612062');
    expect(encodeNameValue('UID', 'say"hi')).toBe('UID=736179226869');
    expect(encodeNameValue('UID', 'ü')).toBe('UID=C3BC');
    expect(encodeNameValue('UID', '')).toBe('UID=""');
  });

  test('an enriched record parses back to itself (property)', () => {
    fc.assert(
      fc.property(arbGeneratedLog, fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), (lines, name) => {
        for (const l of lines.slice(0, 40)) {
          const line = formatEnrichedLogLine(parseLogLine(l), { resolveUser: () => name, resolveGroup: () => name });
          expect(formatLogLine(parseLogLine(line))).toBe(line);
        }
      }),
      { numRuns: 20 },
    );
  });

  describe('live, against libauparse 3.0.9 and libaudit (scripts/auparse-ref.py --enriched)', () => {
    if (!available) {
      test(`reference missing (${PYTHON} -c 'import auparse, audit' failed)`, () => {
        expect(process.env['CI'] === 'true' ? 'missing under CI' : 'reported missing').toBe('reported missing');
      });
      return;
    }
    test.each([[11], [12]])('generated batch %d', (seed) => {
      const lines = fc.sample(arbGeneratedLog, { numRuns: 1, seed })[0]!;
      const run = spawnSync(PYTHON, [HELPER, '--enriched', '-'], { input: `${lines.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(run.status, run.stderr).toBe(0);
      const refs = parseRefs(run.stdout);
      expect(refs.length).toBe(lines.length);
      expect(disagreements(refs)).toEqual([]);
    });
  });
});
