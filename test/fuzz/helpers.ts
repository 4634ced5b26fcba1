/** Byte builders and assertion helpers for the explicit fuzz tests (codes, limits, allocation). */
import { expect, it } from 'vitest';
import { AuditError } from '../../src/bytes/errors.js';
import { CaptureStreamReader, type CaptureItem, type CaptureReadOptions } from '../../src/capture/index.js';
import { knownTest } from './known-failures.js';

export { thrown } from '../helpers/thrown.js';

export function u32le(v: number): number[] {
  return [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
}
export function u32be(v: number): number[] {
  return u32le(v).reverse();
}
export function u16le(v: number): number[] {
  return [v & 255, (v >>> 8) & 255];
}

/** One netlink message, little-endian; `len` overrides nlmsg_len; payload padded to 4 with zeros unless `pad` is false. */
export function nlmsg(type: number, payload: ArrayLike<number>, opts: { len?: number; flags?: number; pad?: boolean } = {}): number[] {
  const len = opts.len ?? 16 + payload.length;
  const out = [...u32le(len), ...u16le(type), ...u16le(opts.flags ?? 0), ...u32le(1), ...u32le(0), ...Array.from(payload)];
  if (opts.pad !== false) while (out.length % 4 !== 0) out.push(0);
  return out;
}

export const bytes = (...parts: ArrayLike<number>[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
export const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0) & 0xff);


export function expectError(e: AuditError | undefined, code: string, offset: number): void {
  expect(e, 'an error').toBeDefined();
  expect({ code: e!.code, offset: e!.offset }).toEqual({ code, offset });
}

/**
 * A test that pins down documented behaviour. If its title is listed in known-failures.ts it is
 * an open finding: the test must still fail (the suite stays green) and turns red once fixed.
 */
export function contractTest(title: string, fn: () => void): void {
  const known = knownTest(title);
  if (known === undefined) {
    it(title, fn);
    return;
  }
  it(`${title} (open finding ${known.finding})`, () => {
    let failed = false;
    try {
      fn();
    } catch {
      failed = true;
    }
    expect(failed, `finding ${known.finding} is fixed: remove "${title}" from test/fuzz/known-failures.ts`).toBe(true);
  });
}

/** LINKTYPE_NETLINK cooked header for NETLINK_AUDIT. */
export const NETLINK_PSEUDO = [0, 4, 0x03, 0x38, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9];

/** A little-endian pcap (LINKTYPE_NETLINK) of `packets` (each given without its pseudo-header). */
export function pcapFile(packets: readonly number[][], opts: { incl?: (i: number, real: number) => number } = {}): Uint8Array {
  const out = [...u32le(0xa1b2c3d4), ...u16le(2), ...u16le(4), ...u32le(0), ...u32le(0), ...u32le(262144), ...u32le(253)];
  packets.forEach((p, i) => {
    const real = 16 + p.length;
    const incl = opts.incl?.(i, real) ?? real;
    out.push(...u32le(1_700_000_000 + i), ...u32le(0), ...u32le(incl), ...u32le(Math.max(real, incl)), ...NETLINK_PSEUDO, ...p);
  });
  return Uint8Array.from(out);
}

/** Offset of record `i`'s 16-byte header in pcapFile(packets). */
export function pcapRecordOffset(packets: readonly number[][], i: number): number {
  let at = 24;
  for (let k = 0; k < i; k++) at += 16 + 16 + packets[k]!.length;
  return at;
}

function block(type: number, body: number[], lenOverride?: number): number[] {
  const len = 12 + body.length;
  return [...u32le(type), ...u32le(lenOverride ?? len), ...body, ...u32le(len)];
}

/** A little-endian pcapng: SHB, one LINKTYPE_NETLINK IDB, one EPB per packet. Returns bytes and block offsets. */
export function pcapngFile(packets: readonly number[][], opts: { epbLen?: (i: number, real: number) => number; snap?: number } = {}): { bytes: Uint8Array; epbAt: number[] } {
  const out: number[] = [];
  out.push(...block(0x0a0d0d0a, [...u32le(0x1a2b3c4d), ...u16le(1), ...u16le(0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
  out.push(...block(1, [...u16le(253), 0, 0, ...u32le(opts.snap ?? 0)]));
  const epbAt: number[] = [];
  packets.forEach((p, i) => {
    const pkt = [...NETLINK_PSEUDO, ...p];
    const padded = [...pkt];
    while (padded.length % 4 !== 0) padded.push(0);
    const body = [...u32le(0), ...u32le(0), ...u32le(i), ...u32le(pkt.length), ...u32le(pkt.length), ...padded];
    epbAt.push(out.length);
    out.push(...block(6, body, opts.epbLen?.(i, 12 + body.length)));
  });
  return { bytes: Uint8Array.from(out), epbAt };
}

/** The raw format with the magic: 12-byte header, then `u32 BE length, u8 dir, 3 zeros, datagram`. */
export function rawFile(datagrams: readonly number[][], lenOverride?: (i: number, real: number) => number): Uint8Array {
  const out = [0x41, 0x55, 0x44, 0x49, 0x54, 0x4e, 0x4c, 0x01, 1, 0, 0, 0];
  datagrams.forEach((d, i) => out.push(...u32be(lenOverride?.(i, d.length) ?? d.length), 2, 0, 0, 0, ...d));
  return Uint8Array.from(out);
}

/** A 44-byte audit_status reply (AUDIT_GET from the kernel) as one message. */
export function statusMsg(seq = 1): number[] {
  const m = nlmsg(1000, new Array(44).fill(0));
  m[8] = seq & 255;
  return m;
}

/** The stream reader fed `size` bytes at a time, then ended: every item it gives, in order. */
export function streamed(input: Uint8Array, size: number, opts: CaptureReadOptions = {}): CaptureItem[] {
  const r = new CaptureStreamReader(opts);
  const out: CaptureItem[] = [];
  for (let at = 0; at < input.length; at += size) {
    r.append(input.subarray(at, at + size));
    for (let x = r.next(); x !== undefined; x = r.next()) out.push(x);
  }
  r.end();
  for (let x = r.next(); x !== undefined; x = r.next()) out.push(x);
  return out;
}
