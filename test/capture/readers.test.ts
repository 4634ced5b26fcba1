import { describe, expect, test } from 'vitest';
import { AuditErrorCode, isAuditError } from '../../src/bytes/errors.js';
import { detectFormat, readCapture, readCaptureItems } from '../../src/capture/index.js';
import { capture, hex, transcriptHex, vector } from './helpers.js';

describe('detectFormat', () => {
  test.each([
    ['status.netlink.pcap', 'pcap'],
    ['events.multicast.be.netlink.pcap', 'pcap'],
    ['status.netlink.pcapng', 'pcapng'],
    ['auditctl-status.txt', 'hex'],
    ['types.unicast.txt', 'hex'],
    ['records.log', 'log'],
    ['go-libaudit/reassembly/normal.log', 'log'],
  ] as const)('%s is %s', (name, format) => {
    expect(detectFormat(vector(name))).toBe(format);
  });

  test.each(['strace-status.dump.txt', 'strace-status.xraw.txt', 'strace-list-rules.dump.txt'])('%s is strace', (name) => {
    expect(detectFormat(capture(name))).toBe('strace');
  });

  test('nanosecond pcap magics in both orders', () => {
    expect(detectFormat(Uint8Array.of(0x4d, 0x3c, 0xb2, 0xa1, 0, 0))).toBe('pcap');
    expect(detectFormat(Uint8Array.of(0xa1, 0xb2, 0x3c, 0x4d, 0, 0))).toBe('pcap');
  });

  test('bare netlink is raw; garbage is UNKNOWN_FORMAT', () => {
    expect(detectFormat(Uint8Array.from(Buffer.from('10000000e80305000100000000000000', 'hex')))).toBe('raw');
    let err: unknown;
    try {
      detectFormat(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    } catch (e) {
      err = e;
    }
    expect(isAuditError(err) && err.code).toBe(AuditErrorCode.UNKNOWN_FORMAT);
    expect(() => detectFormat(new TextEncoder().encode('hello world\n'))).toThrow(/not pcap/);
  });
});

describe('pcap', () => {
  const status = transcriptHex('auditctl-status.txt').map((d) => d.hex);

  test.each(['status.netlink.pcap', 'status.sll.pcap', 'status.sll2.pcap', 'status.netlink.pcapng'])('%s holds the auditctl -s datagrams', (name) => {
    const { datagrams, errors, notices } = readCapture(vector(name));
    const ds = [...datagrams];
    expect(ds.map((d) => hex(d.bytes))).toEqual(status);
    expect(ds.every((d) => d.family === 9 && d.littleEndian === true)).toBe(true);
    expect(errors).toEqual([]);
    expect(notices).toEqual([]);
  });

  test('timestamps are exact nanoseconds from ts_sec and ts_usec', () => {
    // From the file: record 1 is ts_sec 0x6553f100, ts_usec 0; record 2 ts_usec 0x3e8 (xxd of the file).
    const ds = [...readCapture(vector('status.netlink.pcap')).datagrams];
    expect(ds[0]!.timestampNs).toBe(1_700_000_000_000_000_000n);
    expect(ds[1]!.timestampNs).toBe(1_700_000_000_001_000_000n);
    expect(ds[0]!.offset).toBe(24 + 16 + 16);
    expect(hex(ds[0]!.linkHeader!)).toBe('00040338000000000000000000000009');
    expect(ds[0]!.linkType).toBe(253);
  });

  test('link types and pseudo-headers', () => {
    const sll = [...readCapture(vector('status.sll.pcap')).datagrams][0]!;
    const sll2 = [...readCapture(vector('status.sll2.pcap')).datagrams][0]!;
    expect(sll.linkType).toBe(113);
    expect(sll2.linkType).toBe(276);
    expect(sll2.linkHeader!.length).toBe(20);
  });

  test('events pcaps equal their transcripts; the big-endian twin keeps BE headers', () => {
    for (const kind of ['unicast', 'multicast']) {
      const fromPcap = [...readCapture(vector(`events.${kind}.netlink.pcap`)).datagrams].map((d) => hex(d.bytes));
      expect(fromPcap).toEqual(transcriptHex(`events.${kind}.txt`).map((d) => d.hex));
    }
    const be = [...readCapture(vector('events.multicast.be.netlink.pcap')).datagrams];
    const le = transcriptHex('events.multicast.txt');
    expect(be).toHaveLength(60);
    expect(be[0]!.littleEndian).toBe(false);
    const lenLE = Buffer.from(le[0]!.hex, 'hex').readUInt32LE(0);
    expect(Buffer.from(be[0]!.bytes).readUInt32BE(0)).toBe(lenLE);
    expect(hex(be[0]!.bytes.subarray(16))).toBe(le[0]!.hex.slice(32));
  });

  test('the littleEndian option overrides the file byte order', () => {
    const ds = [...readCapture(vector('events.multicast.be.netlink.pcap'), { littleEndian: true }).datagrams];
    expect(ds[0]!.littleEndian).toBe(true);
  });

  test('a non-audit family is reported and passed over', () => {
    const bytes = vector('status.netlink.pcap').slice();
    bytes[24 + 16 + 15] = 0; // family of packet 0 → NETLINK_ROUTE
    const r = readCapture(bytes);
    expect([...r.datagrams]).toHaveLength(5);
    expect(r.notices).toEqual([{ code: 'non-audit-family', offset: 40, message: 'netlink family 0 skipped' }]);
  });

  test('a truncated last packet is reported as truncated', () => {
    const full = vector('status.netlink.pcap');
    const r = readCapture(full.subarray(0, full.length - 5));
    expect([...r.datagrams]).toHaveLength(5);
    expect(r.errors.map((e) => e.code)).toEqual([AuditErrorCode.TRUNCATED]);
  });

  test('a corrupt record header is reported with its offset and the packets after it still decode', () => {
    const bytes = vector('status.netlink.pcap').slice();
    const second = 24 + 16 + 32; // record header of packet 1
    new DataView(bytes.buffer).setUint32(second + 8, 0x7fffffff, true);
    const items = [...readCaptureItems(bytes)];
    const errors = items.filter((i) => i.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.kind === 'error' && errors[0]!.error.offset).toBe(second);
    const ds = items.flatMap((i) => (i.kind === 'datagram' ? [hex(i.datagram.bytes)] : []));
    expect(ds).toEqual([status[0], ...status.slice(2)]);
  });
});

describe('pcapng', () => {
  test('interface link type and default microsecond resolution', () => {
    const ds = [...readCapture(vector('status.netlink.pcapng')).datagrams];
    expect(ds[0]!.interfaceId).toBe(0);
    expect(ds[0]!.linkType).toBe(253);
    expect(ds[0]!.timestampNs).toBe(1_700_000_000_000_000_000n);
    expect(ds[1]!.timestampNs).toBe(1_700_000_000_001_000_000n);
  });
});

describe('hex transcripts', () => {
  test('directions, peeks and comments', () => {
    const r = readCapture(vector('auditctl-status.txt'));
    const ds = [...r.datagrams];
    expect(ds.map((d) => d.direction)).toEqual(['to-kernel', 'from-kernel', 'from-kernel', 'to-kernel', 'from-kernel', 'from-kernel']);
    expect(r.notices.map((n) => n.code)).toEqual(['peek', 'peek']);
    expect(ds.map((d) => hex(d.bytes))).toEqual(transcriptHex('auditctl-status.txt').map((d) => d.hex));
  });

  test('bare hex lines and offsets point at the hex', () => {
    const text = '# c\n  10000000e80305000100000000000000\nrecvfrom 1000000003000200010000000000000\n';
    const items = [...readCaptureItems(new TextEncoder().encode(text), { format: 'hex' })];
    expect(items[0]).toMatchObject({ kind: 'datagram', datagram: { offset: 6, index: 0 } });
    expect(items[1]).toMatchObject({ kind: 'error', error: { code: AuditErrorCode.BAD_HEX } });
  });

  test('types.unicast.txt: 97 datagrams, no direction', () => {
    const ds = [...readCapture(vector('types.unicast.txt')).datagrams];
    expect(ds).toHaveLength(97);
    expect(ds.every((d) => d.direction === undefined)).toBe(true);
  });
});
