import { fc, test } from '@fast-check/vitest';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureArbitrary } from '../../src/arbitraries/index.js';
import { isAuditError } from '../../src/bytes/errors.js';
import {
  buildLinkHeader,
  CaptureStreamReader,
  createFramer,
  PcapngWriter,
  readCaptureItems,
  recordOfItem,
  recordViewOfDatagram,
  wholeCaptureReader,
  writePcap,
  writePcapng,
} from '../../src/capture/index.js';
import type { CaptureItem, CaptureReadOptions, CapturedDatagram, DatagramView } from '../../src/capture/index.js';
import { CAPTURES, VECTORS, capture, corrupt, hex, summarize, vector } from './helpers.js';

/** Every pcap and pcapng fixture, and the corrupt variants the stream tests use. */
const FIXTURES: [string, Uint8Array][] = [
  ...readdirSync(VECTORS)
    .filter((f) => /\.(pcap|pcapng)$/.test(f))
    .map((f): [string, Uint8Array] => [f, vector(f)]),
  ...readdirSync(CAPTURES)
    .filter((f) => /\.(pcap|pcapng)$/.test(f))
    .map((f): [string, Uint8Array] => [f, capture(f)]),
  ['status.netlink.pcap cut', vector('status.netlink.pcap').subarray(0, 300)],
  ['status.netlink.pcap incl_len corrupt', corrupt(vector('status.netlink.pcap'), 24 + 16 + 32 + 11, 0x7f)],
  ['status.netlink.pcapng cut', vector('status.netlink.pcapng').subarray(0, 400)],
  ['status.netlink.pcapng length corrupt', corrupt(vector('status.netlink.pcapng'), 0x84 + 4, 0x41)],
];

function fixture(name: string): Uint8Array {
  return FIXTURES.find(([n]) => n === name)![1];
}

/**
 * Check what a view says against its own copy (bytes, link header, time), and return the copy as
 * the item `next()` would give, summarised. Every view of one reader is the same object.
 */
function checkedView(v: DatagramView, seen: { view?: DatagramView }): unknown {
  if (seen.view === undefined) seen.view = v;
  expect(v).toBe(seen.view);
  const d = v.toDatagram();
  expect(hex(v.buffer.subarray(v.start, v.end))).toBe(hex(d.bytes));
  expect(hex(v.bytesView())).toBe(hex(d.bytes));
  expect(hex(v.buffer.subarray(v.start - v.linkHeaderLength, v.start))).toBe(hex(d.linkHeader!));
  expect([v.offset, v.index, v.littleEndian, v.linkType, v.family]).toEqual([d.offset, d.index, d.littleEndian, d.linkType, d.family]);
  expect(v.originalLength).toBe(d.originalLength);
  expect(v.interfaceId).toBe(d.interfaceId);
  if (d.timestampNs === undefined) {
    expect([v.timestampSec, v.timestampNsec]).toEqual([undefined, undefined]);
  } else {
    expect(v.timestampNsec).toBeGreaterThanOrEqual(0);
    expect(v.timestampNsec).toBeLessThan(1e9);
    if (Number.isSafeInteger(v.timestampSec)) expect(BigInt(v.timestampSec!) * 1_000_000_000n + BigInt(v.timestampNsec!)).toBe(d.timestampNs);
  }
  return summarize({ kind: 'datagram', datagram: d });
}

function viaNext(bytes: Uint8Array, opts: CaptureReadOptions = {}): unknown[] {
  const r = new CaptureStreamReader(opts);
  r.append(bytes);
  r.end();
  const out: unknown[] = [];
  for (let item = r.next(); item !== undefined; item = r.next()) out.push(summarize(item));
  return out;
}

function drainViews(r: CaptureStreamReader, out: unknown[], seen: { view?: DatagramView }): void {
  for (let x = r.nextView(); x !== undefined; x = r.nextView()) out.push(x.kind === 'view' ? checkedView(x, seen) : summarize(x));
}

function viaViews(bytes: Uint8Array, opts: CaptureReadOptions = {}): unknown[] {
  const out: unknown[] = [];
  drainViews(wholeCaptureReader(bytes, opts), out, {});
  return out;
}

/** The views of `bytes` fed in chunks of `sizes` (cycled), each chunk appended (copied) or lent. */
function viewsStreamed(bytes: Uint8Array, sizes: readonly number[], lend: readonly boolean[]): unknown[] {
  const r = new CaptureStreamReader();
  const out: unknown[] = [];
  const seen = {};
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    const chunk = bytes.subarray(at, at + n);
    if (lend[i % lend.length]) r.appendBorrowed(chunk);
    else r.append(chunk);
    at += n;
    drainViews(r, out, seen);
  }
  r.end();
  drainViews(r, out, seen);
  expect(r.done).toBe(true);
  return out;
}

/** A generated capture's datagrams, each with a time, some on a family other than audit. */
const generatedCapture = fc
  .record({
    littleEndian: fc.boolean(),
    linkType: fc.constantFrom(253, 113, 276),
    nanosecond: fc.boolean(),
    pcapng: fc.boolean(),
  })
  .chain((o) =>
    fc.record({
      o: fc.constant(o),
      datagrams: captureArbitrary({ byteOrder: o.littleEndian ? 'le' : 'be', maxExchanges: 3 }),
      times: fc.array(fc.bigInt({ min: 0n, max: 4_294_967_295_999_999_999n }), { minLength: 1, maxLength: 8 }),
      otherFamily: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      cut: fc.boolean(),
    }),
  )
  .map(({ o, datagrams, times, otherFamily, cut }) => {
    const ds: CapturedDatagram[] = datagrams.map((g, index) => ({
      bytes: g.bytes,
      index,
      offset: 0,
      timestampNs: times[index % times.length]!,
      ...(otherFamily[index % otherFamily.length] && index % 3 === 2 ? { linkType: o.linkType, linkHeader: buildLinkHeader(o.linkType, { family: 16 }) } : {}),
    }));
    const opts = { linkType: o.linkType, littleEndian: o.littleEndian, nanosecond: o.nanosecond };
    const bytes = o.pcapng ? writePcapng(ds, opts) : writePcap(ds, opts);
    return { bytes: cut ? bytes.subarray(0, Math.max(0, bytes.length - 7)) : bytes, littleEndian: o.littleEndian };
  });

describe('nextView: the same items as next(), without copies', () => {
  test.each(FIXTURES.map(([n]) => n))('%s', (name) => {
    const bytes = fixture(name);
    const expected = viaNext(bytes);
    expect(expected.length).toBeGreaterThan(0);
    expect(viaViews(bytes)).toEqual(expected);
  });

  it('gives views for the datagrams of every pcap/pcapng fixture, and a byte order given as an option', () => {
    for (const [name, bytes] of FIXTURES) {
      const r = wholeCaptureReader(bytes);
      let views = 0;
      for (let x = r.nextView(); x !== undefined; x = r.nextView()) if (x.kind === 'view') views++;
      if (!name.includes(' ')) expect(views, name).toBeGreaterThan(0);
      expect(viaViews(bytes, { littleEndian: false }), name).toEqual(viaNext(bytes, { littleEndian: false }));
    }
  });

  it('createFramer(format).step, the copying step, gives what next() gives', () => {
    for (const [name, bytes] of FIXTURES) {
      const framer = createFramer(name.includes('.pcapng') ? 'pcapng' : 'pcap');
      const out: unknown[] = [];
      for (let at = 0; ; ) {
        const step = framer.step(bytes.subarray(at), at, true);
        if (step === undefined) break;
        at += step.consumed;
        if (step.item !== undefined) out.push(summarize(step.item));
      }
      expect(out, name).toEqual(viaNext(bytes));
    }
  });

  it('other formats come as ordinary items', () => {
    const log = new TextEncoder().encode('type=CWD msg=audit(1655465398.534:25618): cwd="/root"\n');
    expect(viaViews(log)).toEqual(viaNext(log));
    const r = wholeCaptureReader(log);
    expect(r.nextView()?.kind).toBe('line');
  });

  test.prop([generatedCapture], { numRuns: 200 })('generated pcap and pcapng captures (both byte orders, µs/ns, NETLINK/SLL/SLL2)', ({ bytes }) => {
    expect(viaViews(bytes)).toEqual(viaNext(bytes));
  });

  test.prop([fc.nat(FIXTURES.length - 1), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 })], {
    numRuns: 300,
  })('streamed in random chunks, appended or lent, as the whole input', (which, sizes, lend) => {
    const bytes = FIXTURES[which]![1];
    const before = hex(bytes);
    expect(viewsStreamed(bytes, sizes, lend)).toEqual(viaNext(bytes));
    expect(hex(bytes)).toBe(before);
  });

  test.prop([generatedCapture, fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 10 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 4 })], {
    numRuns: 200,
  })('generated captures streamed in random chunks', ({ bytes }, sizes, lend) => {
    expect(viewsStreamed(bytes, sizes, lend)).toEqual(viaNext(bytes));
  });

  test.prop([fc.nat(FIXTURES.length - 1), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })], { numRuns: 300 })(
    'corrupt input: the same errors (code, offset) and the same datagrams after them',
    (which, edits) => {
      const [name, original] = FIXTURES[which]!;
      const bytes = original.slice();
      for (const [at, value] of edits) bytes[at % bytes.length] = value;
      // Given the format: a damaged magic would otherwise stop detection before any framing.
      const format = name.includes('.pcapng') ? 'pcapng' : 'pcap';
      expect(viaViews(bytes, { format })).toEqual(viaNext(bytes, { format }));
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 }), fc.constantFrom('pcap', 'pcapng' as const)], { numRuns: 300 })(
    'random bytes: only AuditError items, as next() gives them',
    (bytes, format) => {
      const out = viaViews(bytes, { format }) as { kind: string }[];
      expect(out).toEqual(viaNext(bytes, { format }));
      expect(out.every((i) => i.kind === 'error' || i.kind === 'notice' || i.kind === 'datagram')).toBe(true);
    },
  );
});

describe('pcapng timestamps as numbers', () => {
  /** A one-section pcapng with one IDB (if_tsresol, if_tsoffset) and one EPB at `units`. */
  function pcapngWithClock(tsresol: number, tsoffset: bigint, units: bigint, littleEndian: boolean): Uint8Array {
    const w = new PcapngWriter({ littleEndian, linkType: 253 });
    const header = w.header();
    const idb = new Uint8Array(20 + 8 + 12 + 4);
    const v = new DataView(idb.buffer);
    v.setUint32(0, 1, littleEndian);
    v.setUint32(4, idb.length, littleEndian);
    v.setUint16(8, 253, littleEndian);
    v.setUint32(12, 262144, littleEndian);
    v.setUint16(16, 9, littleEndian);
    v.setUint16(18, 1, littleEndian);
    idb[20] = tsresol;
    v.setUint16(24, 14, littleEndian);
    v.setUint16(26, 8, littleEndian);
    v.setBigInt64(28, tsoffset, littleEndian);
    v.setUint32(idb.length - 4, idb.length, littleEndian);
    const packet = new Uint8Array([...buildLinkHeader(253), 16, 0, 0, 0, 0xe8, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const epb = new Uint8Array(28 + packet.length + 4);
    const e = new DataView(epb.buffer);
    e.setUint32(0, 6, littleEndian);
    e.setUint32(4, epb.length, littleEndian);
    e.setUint32(8, 0, littleEndian);
    e.setUint32(12, Number(units >> 32n), littleEndian);
    e.setUint32(16, Number(units & 0xffffffffn), littleEndian);
    e.setUint32(20, packet.length, littleEndian);
    e.setUint32(24, packet.length, littleEndian);
    epb.set(packet, 28);
    e.setUint32(epb.length - 4, epb.length, littleEndian);
    const out = new Uint8Array(header.length + idb.length + epb.length);
    out.set(header);
    out.set(idb, header.length);
    out.set(epb, header.length + idb.length);
    return out;
  }

  const resolutions = fc.oneof(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0x80, max: 0x80 + 63 }), fc.integer({ min: 0, max: 255 }));
  const offsets = fc.oneof(fc.constant(0n), fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
  const units = fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 53n }), fc.constantFrom(0n, 2n ** 64n - 1n, 1_700_000_000_123_456n));

  test.prop([resolutions, offsets, units, fc.boolean()], { numRuns: 500 })('any if_tsresol and if_tsoffset: floor seconds and ns, exact when safe', (tsresol, tsoffset, u, le) => {
    const bytes = pcapngWithClock(tsresol, tsoffset, u, le);
    const perSecond = tsresol & 0x80 ? 1n << BigInt(tsresol & 0x7f) : 10n ** BigInt(tsresol);
    const ns = tsoffset * 1_000_000_000n + (u * 1_000_000_000n) / perSecond;
    const sec = ns >= 0n ? ns / 1_000_000_000n : -((-ns + 999_999_999n) / 1_000_000_000n);
    const r = wholeCaptureReader(bytes);
    let x = r.nextView();
    while (x !== undefined && x.kind !== 'view') x = r.nextView();
    expect(x?.kind).toBe('view');
    const v = x as DatagramView;
    expect(v.toDatagram().timestampNs).toBe(ns);
    expect(v.timestampNsec).toBe(Number(ns - sec * 1_000_000_000n));
    expect(v.timestampSec).toBe(Number(sec));
    expect(viaViews(bytes)).toEqual(viaNext(bytes));
  });
});

describe('input read in place is never written to', () => {
  it('wholeCaptureReader and readCaptureItems leave the caller’s bytes as they were', () => {
    for (const [name, bytes] of FIXTURES) {
      const before = hex(bytes);
      viaViews(bytes);
      [...readCaptureItems(bytes)];
      expect(hex(bytes), name).toBe(before);
    }
  });

  it('views point into the lent bytes; datagrams from next() and readCaptureItems are copies', () => {
    const bytes = vector('events.multicast.netlink.pcap').slice();
    const r = wholeCaptureReader(bytes);
    let x = r.nextView();
    while (x !== undefined && x.kind !== 'view') x = r.nextView();
    expect((x as DatagramView).buffer.buffer).toBe(bytes.buffer);
    expect((x as DatagramView).toDatagram().bytes.buffer).not.toBe(bytes.buffer);
    const first = [...readCaptureItems(bytes)].find((i): i is Extract<CaptureItem, { kind: 'datagram' }> => i.kind === 'datagram')!;
    expect(first.datagram.bytes.buffer).not.toBe(bytes.buffer);
  });

  test.prop([fc.nat(FIXTURES.length - 1), fc.nat(), fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 8 })], { numRuns: 200 })(
    'lend a prefix, read part of it, append the rest in chunks: the prefix is unchanged, the items are the whole input’s',
    (which, cut, sizes) => {
      const bytes = FIXTURES[which]![1];
      const at = cut % (bytes.length + 1);
      const lent = bytes.slice(0, at);
      const before = hex(lent);
      const r = new CaptureStreamReader();
      r.appendBorrowed(lent);
      const out: unknown[] = [];
      const seen = {};
      // Take one item only, so that unread lent bytes remain when the next chunk comes.
      const x = r.nextView();
      if (x !== undefined) out.push(x.kind === 'view' ? checkedView(x, seen) : summarize(x));
      for (let p = at, i = 0; p < bytes.length; i++) {
        const n = sizes[i % sizes.length]!;
        r.append(bytes.slice(p, p + n));
        p += n;
        drainViews(r, out, seen);
      }
      r.end();
      drainViews(r, out, seen);
      expect(out).toEqual(viaNext(bytes));
      expect(hex(lent)).toBe(before);
      expect(r.capacity).toBeLessThan(Math.max(8192, 4 * bytes.length));
    },
  );

  it('a lent input read to its end, then more appended: written into the reader’s own buffer', () => {
    const bytes = vector('status.netlink.pcap');
    const whole = viaNext(bytes);
    // Cut at a packet boundary: after the global header and the first record.
    const firstLength = 16 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(24 + 8, true);
    const lent = bytes.slice(0, 24 + firstLength);
    const before = hex(lent);
    const r = new CaptureStreamReader();
    r.appendBorrowed(lent);
    const out: unknown[] = [];
    drainViews(r, out, {});
    expect(r.bytesRemaining()).toBe(0);
    r.append(bytes.subarray(24 + firstLength));
    r.end();
    drainViews(r, out, {});
    expect(out).toEqual(whole);
    expect(hex(lent)).toBe(before);
  });

  it('a Node Buffer read in place (every format): the items own their bytes', () => {
    const all = [
      ...FIXTURES,
      ...readdirSync(VECTORS)
        .filter((f) => /\.(txt|log)$/.test(f))
        .map((f): [string, Uint8Array] => [f, vector(f)]),
      ...readdirSync(CAPTURES)
        .filter((f) => /\.(txt|raw|log)$/.test(f))
        .map((f): [string, Uint8Array] => [f, capture(f)]),
    ];
    for (const [name, bytes] of all) {
      const input = Buffer.from(bytes);
      const expected = [...readCaptureItems(bytes)].map(summarize);
      const items = [...readCaptureItems(input)];
      expect(items.map(summarize), name).toEqual(expected);
      for (const item of items) {
        if (item.kind !== 'datagram') continue;
        expect(item.datagram.bytes.buffer, name).not.toBe(input.buffer);
        expect(Object.getPrototypeOf(item.datagram.bytes), name).toBe(Uint8Array.prototype);
      }
      input.fill(0x55);
      expect(items.map(summarize), name).toEqual(expected);
    }
  });

  it('appendBorrowed after end() throws, as append does', () => {
    const r = new CaptureStreamReader();
    r.end();
    expect(() => r.appendBorrowed(Uint8Array.of(1))).toThrow(/after end/);
  });
});

describe('recordViewOfDatagram', () => {
  type Outcome = { record: unknown } | { error: string; offset: number; path: string } | undefined;
  function outcome(f: () => unknown): Outcome {
    try {
      const record = f();
      return record === undefined ? undefined : { record };
    } catch (e) {
      if (!isAuditError(e)) throw e;
      return { error: e.code, offset: e.offset, path: e.path };
    }
  }

  function compareRecords(bytes: Uint8Array): number {
    let records = 0;
    const items = [...readCaptureItems(bytes)];
    const r = wholeCaptureReader(bytes);
    let k = 0;
    for (let x = r.nextView(); x !== undefined; x = r.nextView(), k++) {
      const item = items[k]!;
      if (x.kind !== 'view') continue;
      expect(item.kind).toBe('datagram');
      const expected = outcome(() => recordOfItem(item));
      const got = outcome(() => recordViewOfDatagram(x.buffer, x.start, x.end, x.littleEndian, { offset: x.offset })?.toRecord());
      expect(got).toEqual(expected);
      if (expected !== undefined && 'record' in expected) records++;
    }
    expect(k).toBe(items.length);
    return records;
  }

  test.each(FIXTURES.map(([n]) => n))('toRecord() = recordOfItem for every datagram of %s', (name) => {
    compareRecords(fixture(name));
  });

  it('reads the event fixtures’ records, both byte orders', () => {
    expect(compareRecords(vector('events.multicast.netlink.pcap'))).toBeGreaterThan(0);
    expect(compareRecords(vector('events.multicast.be.netlink.pcap'))).toBeGreaterThan(0);
    expect(compareRecords(vector('events.unicast.netlink.pcap'))).toBeGreaterThan(0);
  });

  test.prop([generatedCapture], { numRuns: 200 })('generated captures: the same records and errors as recordOfItem', ({ bytes }) => {
    compareRecords(bytes);
  });

  test.prop([fc.constantFrom('events.multicast.netlink.pcap', 'events.unicast.netlink.pcap'), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 })], {
    numRuns: 300,
  })('corrupt records: the same AuditError (code, offset, path) as recordOfItem', (name, edits) => {
    const bytes = vector(name).slice();
    // Damage the payloads only (after the global header), so that the records are what breaks.
    for (const [at, value] of edits) bytes[24 + (at % (bytes.length - 24))] = value;
    compareRecords(bytes);
  });

  it('control messages and short datagrams give undefined; the payload starts at byte 16 whatever nlmsg_len says', () => {
    const text = new TextEncoder().encode('audit(1700000000.123:42): cwd="/"\0\0');
    const d = new Uint8Array(16 + text.length);
    d.set(text, 16);
    new DataView(d.buffer).setUint16(4, 1307, true);
    // nlmsg_len = 0: the unicast quirk (or any other length) does not matter.
    const v = recordViewOfDatagram(d, 0, d.length, true)!;
    expect([v.type, v.typeName, v.fieldCount, v.name(0), v.raw(0)]).toEqual([1307, 'CWD', 1, 'cwd', '"/"']);
    expect(recordViewOfDatagram(d, 0, 21, true)).toBeUndefined();
    expect(recordViewOfDatagram(d.subarray(0, 16), 0, 16, true)).toBeUndefined();
    const big = new Uint8Array(8 + d.length);
    big.set(d, 8);
    new DataView(big.buffer).setUint16(8 + 4, 1307, false);
    expect(recordViewOfDatagram(big, 8, big.length, false)?.toRecord()).toEqual(v.toRecord());
    const r = wholeCaptureReader(vector('status.netlink.pcap'));
    let views = 0;
    for (let x = r.nextView(); x !== undefined; x = r.nextView()) {
      if (x.kind !== 'view') continue;
      views++;
      expect(recordViewOfDatagram(x.buffer, x.start, x.end, x.littleEndian)).toBeUndefined();
    }
    expect(views).toBeGreaterThan(0);
  });
});
