/**
 * The mutation-kind → code table of docs/robustness.md, swept over the whole valid corpus: every
 * message of every datagram seed, every record of every pcap seed, every block of every pcapng
 * seed, every rule seed. Each mutation is applied alone to a seed that decodes cleanly, and the
 * first error must carry the documented code at the offset of the field or header at fault.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeDatagram } from '../../src/audit/datagram.js';
import { AuditError, AuditErrorCode as C } from '../../src/bytes/errors.js';
import { readCaptureItems, type CaptureItem } from '../../src/capture/index.js';
import type { Framing } from '../../src/netlink/framing.js';
import { setLength } from './mutate.js';
import { netlinkStructure, pcapngStructure, pcapStructure } from './structure.js';
import { loadCorpus } from './targets.js';

const corpus = loadCorpus(fileURLToPath(new URL('../../', import.meta.url)));

function firstError(fn: () => unknown): AuditError | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuditError) return e;
    throw e;
  }
  return undefined;
}

const clean = (b: Uint8Array, framing: Framing): boolean => firstError(() => decodeDatagram(b, { littleEndian: true, framing })) === undefined;
const errorsOf = (items: Iterable<CaptureItem>) => [...items].flatMap((i) => (i.kind === 'error' ? [i.error] : []));

describe('nlmsg_len mutations over every message of every datagram seed', () => {
  for (const framing of ['strict', 'unicast', 'auto'] as const) {
    it(`${framing} framing: zero, 15 and 0xFFFFFFFF → BAD_LENGTH at that header; truncation inside a header → TRUNCATED at it`, () => {
      let checked = 0;
      const wrong: string[] = [];
      for (const seed of corpus.datagrams) {
        if (!clean(seed, framing)) continue;
        // The headers as the decoder found them (a unicast-framed record is one message at 0).
        const offsets = decodeDatagram(seed, { littleEndian: true, framing }).messages.map((m) => m.offset);
        const headers = netlinkStructure(seed, true).lengths.filter((f) => f.name.startsWith('msg@') && offsets.includes(f.offset));
        expect(headers.length).toBe(offsets.length);
        for (const h of headers) {
          for (const how of ['zero', 'max'] as const) {
            const e = firstError(() => decodeDatagram(setLength(seed, h, how), { littleEndian: true, framing }));
            checked++;
            if (e?.code !== C.BAD_LENGTH || e.offset !== h.offset) wrong.push(`${how} @${h.offset}: ${e?.code} @${e?.offset}`);
          }
          const m = seed.slice();
          m.set([15, 0, 0, 0], h.offset);
          const e15 = firstError(() => decodeDatagram(m, { littleEndian: true, framing }));
          checked++;
          if (e15?.code !== C.BAD_LENGTH || e15.offset !== h.offset) wrong.push(`15 @${h.offset}: ${e15?.code} @${e15?.offset}`);
          if (framing === 'strict') {
            for (const k of [1, 8, 15]) {
              const cut = seed.subarray(0, h.offset + k);
              const e = firstError(() => decodeDatagram(cut, { littleEndian: true, framing }));
              checked++;
              if (e?.code !== C.TRUNCATED || e.offset !== h.offset) wrong.push(`cut ${h.offset}+${k}: ${e?.code} @${e?.offset}`);
            }
          }
        }
      }
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(500);
    });
  }
});

describe('rule mutations over every audit_rule_data seed', () => {
  it('field_count 65 and 0xFFFFFFFF → BAD_COUNT at field_count; buflen 0xFFFFFFFF → TRUNCATED at buf', () => {
    let checked = 0;
    for (const seed of corpus.datagrams) {
      if (!clean(seed, 'strict')) continue;
      const s = netlinkStructure(seed, true);
      for (const c of s.counts.filter((f) => f.name === 'field_count')) {
        for (const v of [65, 0xffffffff]) {
          const m = seed.slice();
          m.set([v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255], c.offset);
          const e = firstError(() => decodeDatagram(m, { littleEndian: true }));
          expect([e?.code, e?.offset]).toEqual([C.BAD_COUNT, c.offset]);
          checked++;
        }
      }
      for (const l of s.lengths.filter((f) => f.name === 'buflen')) {
        const e = firstError(() => decodeDatagram(setLength(seed, l, 'max'), { littleEndian: true }));
        expect([e?.code, e?.offset]).toEqual([C.TRUNCATED, l.offset + 4]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('pcap and pcapng mutations over every record and block of every seed', () => {
  it('pcap: incl_len 0xFFFFFFFF on record r → the first error is at r’s header, the r records before it are read; a cut inside r → TRUNCATED at r', () => {
    let checked = 0;
    for (const seed of corpus.captures.get('pcap')!) {
      const s = pcapStructure(seed);
      const incl = s.lengths.filter((f) => f.name.endsWith('.incl_len'));
      incl.forEach((f, r) => {
        const items = [...readCaptureItems(setLength(seed, f, 'max'))];
        const e = errorsOf(items)[0];
        expect(e?.offset).toBe(f.offset - 8);
        expect(e?.code).toBe(C.LIMIT);
        expect(items.findIndex((i) => i.kind === 'error')).toBe(r);
        const cut = errorsOf(readCaptureItems(seed.subarray(0, f.offset - 8 + 20)));
        expect([cut[0]?.code, cut[0]?.offset]).toEqual([C.TRUNCATED, f.offset - 8]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });
  it('pcapng: leading or trailing total_length off by 4, or 0 → BAD_CAPTURE at that block; blocks before it are read', () => {
    let checked = 0;
    for (const seed of corpus.captures.get('pcapng')!) {
      const s = pcapngStructure(seed);
      for (const f of s.lengths.filter((x) => x.name.endsWith('.total_length') || x.name.endsWith('.trailer_length'))) {
        const blockAt = f.name.endsWith('.total_length') ? f.offset - 4 : f.offset - f.value + 4;
        if (blockAt === 0) continue; // the first SHB: nothing to resync to
        const last = blockAt + f.value === seed.length;
        const leading = f.name.endsWith('.total_length');
        // A leading length past the end of the input is a cut-short block: TRUNCATED.
        const cases: [Uint8Array, string][] = [[setLength(seed, f, 'above', 4), leading && last ? C.TRUNCATED : C.BAD_CAPTURE]];
        if (leading) cases.push([setLength(seed, f, 'zero'), C.BAD_CAPTURE]);
        for (const [m, code] of cases) {
          const e = errorsOf(readCaptureItems(m, { format: 'pcapng' }))[0];
          expect([e?.code, e?.offset]).toEqual([code, blockAt]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
