import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { concatBytes, readCapture, readCaptureItems, writePcapng } from '../../src/capture/index.js';
import { capture, hex, vector } from './helpers.js';

const ds = (b: Uint8Array) => [...readCapture(b).datagrams];

describe('pcapng and pcap variants made by editcap/mergecap from the real vectors', () => {
  const pcap = ds(vector('events.multicast.netlink.pcap'));
  const view = (list: typeof pcap): unknown => list.map((d) => [hex(d.bytes), d.timestampNs, d.linkType]);

  test('editcap -F pcapng and -F nsecpcap give the same packets and times', () => {
    expect(view(ds(capture('events.multicast.netlink.pcapng')))).toEqual(view(pcap));
    expect(view(ds(capture('events.multicast.nsec.pcap')))).toEqual(view(pcap));
  });

  test('mergecap of three link types: one interface each, family from each pseudo-header', () => {
    const merged = ds(capture('status.three-links.pcapng'));
    expect(merged).toHaveLength(18);
    const byIface = new Map<number, Set<number>>();
    for (const d of merged) byIface.set(d.interfaceId!, (byIface.get(d.interfaceId!) ?? new Set()).add(d.linkType!));
    expect([...byIface.entries()].sort((a, b) => a[0] - b[0]).map(([i, s]) => [i, [...s]])).toEqual([
      [0, [253]],
      [1, [113]],
      [2, [276]],
    ]);
    expect(merged.every((d) => d.family === 9)).toBe(true);
  });

  test('two sections (cat of two files): interfaces are numbered per section', () => {
    const both = ds(capture('two-sections.pcapng'));
    expect(both).toHaveLength(66);
    expect(both.every((d) => d.interfaceId === 0)).toBe(true);
    expect(hex(both[6]!.bytes)).toBe(hex(pcap[0]!.bytes));
  });
});

describe('pcapng sections of either byte order, resolutions, unknown blocks', () => {
  const status = ds(vector('status.netlink.pcap'));
  const events = ds(vector('events.multicast.be.netlink.pcap')).map((d, i) => ({ ...d, timestampNs: 1_700_000_000_000_000_000n + BigInt(i) * 1_234_567n }));
  // A block of a type no version of the format defines (0x123), with 4 body bytes, little-endian, placed between sections.
  const unknown = Uint8Array.of(0x23, 0x01, 0, 0, 16, 0, 0, 0, 1, 2, 3, 4, 16, 0, 0, 0);
  const file = concatBytes([
    writePcapng(status, { linkType: 113 }),
    unknown,
    writePcapng(events, { littleEndian: false, nanosecond: true, linkType: 276 }),
  ]);

  test('a little-endian µs section, an unknown block (noticed and skipped), a big-endian ns section', () => {
    const items = [...readCaptureItems(file)];
    const notices = items.filter((i) => i.kind === 'notice');
    expect(notices).toMatchObject([{ notice: { code: 'unknown-block', message: 'pcapng block type 0x123 skipped' } }]);
    const got = items.flatMap((i) => (i.kind === 'datagram' ? [i.datagram] : []));
    expect(got).toHaveLength(66);
    expect(got.slice(0, 6).map((d) => [d.littleEndian, d.linkType])).toEqual(Array(6).fill([true, 113]));
    expect(got.slice(6).every((d) => d.littleEndian === false && d.linkType === 276)).toBe(true);
    expect(got.slice(6).map((d) => d.timestampNs)).toEqual(events.map((d) => d.timestampNs));
    expect(got.slice(6).map((d) => hex(d.bytes))).toEqual(events.map((d) => hex(d.bytes)));
  });

  test('if_tsresol as a power of two', () => {
    // SHB, IDB with if_tsresol = 0x80 | 10 (1/1024 s), EPB at 2048 units = 2 s.
    const le = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
    const shb = [...le(0x0a0d0d0a), ...le(28), ...le(0x1a2b3c4d), 1, 0, 0, 0, ...Array(8).fill(0xff), ...le(28)];
    const idb = [...le(1), ...le(32), 253, 0, 0, 0, ...le(0), 9, 0, 1, 0, 0x8a, 0, 0, 0, 0, 0, 0, 0, ...le(32)];
    const pkt = [0, 4, 3, 0x38, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, ...Buffer.from('10000000e80305000100000000000000', 'hex')];
    const epb = [...le(6), ...le(32 + 32), ...le(0), ...le(0), ...le(2048), ...le(32), ...le(32), ...pkt, ...le(64)];
    const d = ds(Uint8Array.from([...shb, ...idb, ...epb]));
    expect(d.map((x) => x.timestampNs)).toEqual([2_000_000_000n]);
  });

  test('tshark reads the mixed-order, multi-section file with every packet', () => {
    let version = '';
    try {
      version = execFileSync('tshark', ['--version'], { encoding: 'utf8' });
    } catch {
      if (process.env.CI === 'true') throw new Error('tshark is required in CI');
      return expect(version).toBe('');
    }
    const dir = mkdtempSync(join(tmpdir(), 'audit-netlink-'));
    const path = join(dir, 'mixed.pcapng');
    writeFileSync(path, file);
    const out = execFileSync('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.time_epoch'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const times = out.trim().split('\n');
    expect(times).toHaveLength(66);
    // Nanosecond time of packet 6 + 2 = 1700000000.002469134 from the big-endian section.
    expect(times[8]).toMatch(/^1700000000\.002469134/);
  });
});
