/**
 * Structure finders: where the length fields, counts and blocks of a VALID input are, so that the
 * mutators can aim at them (nlmsg_len, pcap incl_len, pcapng block lengths, rule field_count /
 * buflen / string lengths, MAKE_EQUIV sizes, sig_info2 cid_len). They read only valid seeds and
 * never throw on them; on anything odd they just stop.
 */
import type { NumField, Span, Structure } from './mutate.js';

function u32(b: Uint8Array, at: number, le: boolean): number {
  if (at + 4 > b.length) return -1;
  return le ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function u16(b: Uint8Array, at: number, le: boolean): number {
  return le ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;
}

/** Rule field ids whose value is a string length in `buf` (mainline). */
const RULE_STRING_FIELDS = new Set([13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 105, 107, 112, 210]);

/** audit_rule_data at `at` (the payload's first byte). */
export function ruleDataFields(b: Uint8Array, at: number, le: boolean): { lengths: NumField[]; counts: NumField[] } {
  const lengths: NumField[] = [];
  const counts: NumField[] = [];
  if (at + 1040 > b.length) return { lengths, counts };
  const fc = u32(b, at + 8, le);
  counts.push({ name: 'field_count', offset: at + 8, size: 4, littleEndian: le, value: fc, max: 64 });
  lengths.push({ name: 'buflen', offset: at + 1036, size: 4, littleEndian: le, value: u32(b, at + 1036, le) });
  for (let i = 0; i < Math.min(fc, 64); i++) {
    const field = u32(b, at + 268 + 4 * i, le) & 0x87ffffff;
    if (RULE_STRING_FIELDS.has(field)) lengths.push({ name: `values[${i}]`, offset: at + 524 + 4 * i, size: 4, littleEndian: le, value: u32(b, at + 524 + 4 * i, le) });
  }
  return { lengths, counts };
}

/** Messages of one datagram (standard framing; the unicast quirk is handled as one block). */
export function netlinkStructure(b: Uint8Array, le: boolean, base = 0): Structure {
  const lengths: NumField[] = [];
  const counts: NumField[] = [];
  const blocks: Span[] = [];
  const boundaries: number[] = [];
  let at = 0;
  while (at + 16 <= b.length && blocks.length < 4096) {
    const len = u32(b, at, le);
    const type = u16(b, at + 4, le);
    lengths.push({ name: `msg@${base + at}.nlmsg_len`, offset: base + at, size: 4, littleEndian: le, value: len });
    boundaries.push(base + at, base + at + 16);
    const real = len >= 16 && at + len <= b.length ? len : len + 16 <= b.length - at ? len + 16 : b.length - at;
    const payload = at + 16;
    if ((type === 1011 || type === 1012 || type === 1013) && real >= 16 + 1040) {
      const r = ruleDataFields(b, payload, le);
      for (const f of r.lengths) lengths.push({ ...f, offset: base + f.offset });
      for (const f of r.counts) counts.push({ ...f, offset: base + f.offset });
    }
    if (type === 1015 && real >= 24) {
      lengths.push({ name: 'make_equiv.sizes[0]', offset: base + payload, size: 4, littleEndian: le, value: u32(b, payload, le) });
      lengths.push({ name: 'make_equiv.sizes[1]', offset: base + payload + 4, size: 4, littleEndian: le, value: u32(b, payload + 4, le) });
    }
    if (type === 2 && real >= 36) {
      lengths.push({ name: 'nlmsgerr.msg.nlmsg_len', offset: base + payload + 4, size: 4, littleEndian: le, value: u32(b, payload + 4, le) });
    }
    const next = at + ((real + 3) & ~3);
    blocks.push({ start: base + at, end: base + Math.min(next, b.length) });
    if (real < 16 || next <= at) break;
    at = next;
  }
  boundaries.push(base + b.length);
  return { lengths, counts, blocks, boundaries };
}

/** pcap: global header, then record headers (incl_len at +8, orig_len at +12) and packets. */
export function pcapStructure(b: Uint8Array): Structure {
  const le = u32(b, 0, true) === 0xa1b2c3d4 || u32(b, 0, true) === 0xa1b23c4d;
  const lengths: NumField[] = [];
  const blocks: Span[] = [];
  const boundaries: number[] = [24];
  const counts: NumField[] = [];
  const linkType = u32(b, 20, le) & 0xffff;
  const pseudo = linkType === 276 ? 20 : 16;
  let at = 24;
  while (at + 16 <= b.length && blocks.length < 4096) {
    const incl = u32(b, at + 8, le);
    lengths.push({ name: `record@${at}.incl_len`, offset: at + 8, size: 4, littleEndian: le, value: incl });
    lengths.push({ name: `record@${at}.orig_len`, offset: at + 12, size: 4, littleEndian: le, value: u32(b, at + 12, le) });
    if (at + 16 + incl > b.length) break;
    boundaries.push(at + 16, at + 16 + pseudo, at + 16 + incl);
    if (incl >= pseudo + 16) {
      const inner = netlinkStructure(b.subarray(at + 16 + pseudo, at + 16 + incl), le, at + 16 + pseudo);
      lengths.push(...inner.lengths.slice(0, 4));
      counts.push(...inner.counts);
    }
    blocks.push({ start: at, end: at + 16 + incl });
    at += 16 + incl;
  }
  return { lengths, counts, blocks, boundaries };
}

/** pcapng: blocks of `type, total_length, body, total_length`; EPB captured length at +20. */
export function pcapngStructure(b: Uint8Array): Structure {
  const lengths: NumField[] = [];
  const blocks: Span[] = [];
  const boundaries: number[] = [];
  let le = true;
  let at = 0;
  while (at + 12 <= b.length && blocks.length < 4096) {
    const type = u32(b, at, le);
    if (type === 0x0a0d0d0a) le = u32(b, at + 8, true) === 0x1a2b3c4d;
    const len = u32(b, at + 4, le);
    if (len < 12 || at + len > b.length) break;
    lengths.push({ name: `block@${at}.total_length`, offset: at + 4, size: 4, littleEndian: le, value: len });
    lengths.push({ name: `block@${at}.trailer_length`, offset: at + len - 4, size: 4, littleEndian: le, value: len });
    if (type === 6 && len >= 32) lengths.push({ name: `block@${at}.cap_len`, offset: at + 20, size: 4, littleEndian: le, value: u32(b, at + 20, le) });
    if (type === 1 && len >= 20) lengths.push({ name: `block@${at}.snaplen`, offset: at + 12, size: 4, littleEndian: le, value: u32(b, at + 12, le) });
    boundaries.push(at, at + 8, at + len - 4);
    if (type !== 0x0a0d0d0a) blocks.push({ start: at, end: at + len });
    at += len;
  }
  boundaries.push(b.length);
  return { lengths, counts: [], blocks, boundaries };
}

/** The raw format: 12-byte header, then `u32 BE length, u8 direction, 3 zeros, datagram`. */
export function rawStructure(b: Uint8Array): Structure {
  const lengths: NumField[] = [];
  const blocks: Span[] = [];
  const boundaries: number[] = [12];
  const counts: NumField[] = [];
  const le = (b[8]! & 1) === 1;
  let at = 12;
  while (at + 8 <= b.length && blocks.length < 4096) {
    const len = u32(b, at, false);
    lengths.push({ name: `record@${at}.length`, offset: at, size: 4, littleEndian: false, value: len });
    if (at + 8 + len > b.length) break;
    const inner = netlinkStructure(b.subarray(at + 8, at + 8 + len), le, at + 8);
    lengths.push(...inner.lengths.slice(0, 2));
    counts.push(...inner.counts);
    boundaries.push(at + 8, at + 8 + len);
    blocks.push({ start: at, end: at + 8 + len });
    at += 8 + len;
  }
  return { lengths, counts, blocks, boundaries };
}

/** A bare payload of a fixed struct codec: its C size is the interesting truncation point. */
export function payloadStructure(b: Uint8Array, kind: string, le: boolean): Structure {
  const lengths: NumField[] = [];
  const counts: NumField[] = [];
  const boundaries: number[] = [0, b.length];
  const sizes: Record<string, number> = { status: 32, features: 16, 'sig-info': 8, 'tty-status': 4, 'make-equiv': 8, replace: 4, rule: 1040, 'sig-info2-v11': 12, 'sig-info2-v7': 16 };
  const s = sizes[kind];
  if (s !== undefined) boundaries.push(s, s - 1, s + 1);
  if (kind === 'rule') {
    const r = ruleDataFields(b, 0, le);
    lengths.push(...r.lengths);
    counts.push(...r.counts);
  }
  if (kind === 'make-equiv' && b.length >= 8) {
    lengths.push({ name: 'sizes[0]', offset: 0, size: 4, littleEndian: le, value: u32(b, 0, le) });
    lengths.push({ name: 'sizes[1]', offset: 4, size: 4, littleEndian: le, value: u32(b, 4, le) });
  }
  if (kind === 'sig-info2-v11' && b.length >= 12) lengths.push({ name: 'cid_len', offset: 8, size: 4, littleEndian: le, value: u32(b, 8, le) });
  return { lengths, counts, blocks: [], boundaries };
}
