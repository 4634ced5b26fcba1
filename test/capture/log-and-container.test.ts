import { describe, expect, test } from 'vitest';
import { decodeDatagram, MAINLINE_REGISTRY } from '../../src/audit/index.js';
import { getDialect } from '../../src/audit/dialects/catalog.js';
import { AuditErrorCode } from '../../src/bytes/errors.js';
import {
  CaptureStreamReader,
  datagramOfItem,
  isKernelRecord,
  logLineOf,
  logLineText,
  logTypeNumber,
  PcapngWriter,
  readCapture,
  readCaptureItems,
  recordOfItem,
  writePcap,
  writePcapng,
  type CapturedDatagram,
  type LogLine,
} from '../../src/capture/index.js';
import { capture, hex, vector, VECTORS } from './helpers.js';
import { readFileSync } from 'node:fs';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A datagram with a text payload, as a capture holds it. */
function textDatagram(type: number, text: string, direction?: 'to-kernel' | 'from-kernel'): CapturedDatagram {
  const payload = enc(text);
  const bytes = new Uint8Array(16 + payload.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, bytes.length, true);
  v.setUint16(4, type, true);
  bytes.set(payload, 16);
  return { bytes, index: 0, offset: 0, littleEndian: true, ...(direction === undefined ? {} : { direction }) };
}

const lines = (bytes: Uint8Array): LogLine[] => [...readCaptureItems(bytes)].flatMap((i) => (i.kind === 'line' ? [i.line] : []));

describe('logLineOf writes only what the kernel sends (item 1)', () => {
  const user = 'op=login acct="alice" res=success';
  const echo = `audit(1700000002.000:7): pid=1 uid=0 msg='${user}'`;

  test('a USER_* request on its way to the kernel, stamped or not, is not a log line', () => {
    expect(logLineOf(textDatagram(1112, user, 'to-kernel'))).toBeUndefined();
    expect(logLineOf(textDatagram(1112, user))).toBeUndefined();
    expect(logLineOf(textDatagram(1112, `${user}\0`, 'from-kernel'))).toBeUndefined();
    expect(isKernelRecord(textDatagram(1112, echo, 'to-kernel'))).toBe(false);
  });

  test("the kernel's echo, stamped audit(SEC.MS:SERIAL), is", () => {
    expect(logLineOf(textDatagram(1112, echo, 'from-kernel'))).toBe(`type=USER_LOGIN msg=${echo}\n`);
    expect(logLineOf(textDatagram(1112, echo))).toBe(`type=USER_LOGIN msg=${echo}\n`);
  });

  test('the user message of auditctl-user-message.txt gives no line', () => {
    const ds = [...readCapture(vector('auditctl-user-message.txt')).datagrams];
    const requests = ds.filter((d) => d.direction === 'to-kernel');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.map((d) => logLineOf(d))).toEqual(requests.map(() => undefined));
  });

  test('a dialect names the type (nameOf)', () => {
    const d = textDatagram(1336, 'audit(1.000:2): record=1 contid=42');
    expect(logLineOf(d)).toBe('type=URINGOP msg=audit(1.000:2): record=1 contid=42\n');
    expect(logLineOf(d, { nameOf: (t) => getDialect('ghak90-v11').registry.nameOf(t) })).toBe('type=CONTAINER_ID msg=audit(1.000:2): record=1 contid=42\n');
  });
});

describe("a patched kernel's log: type names from a dialect (item 2)", () => {
  const line = 'type=CONTAINER_ID msg=audit(1606404280.226:174542): record=1 contid=527940429489930240\n';
  const typeNumbers = getDialect('ghak90-v11').typeNumbers;

  test('mainline does not know CONTAINER_ID: AUDIT_ERR_BAD_RECORD at the line', () => {
    const r = readCapture(enc(line));
    expect([...r.datagrams]).toEqual([]);
    expect(r.errors.map((e) => [e.code, e.offset])).toEqual([[AuditErrorCode.BAD_RECORD, 0]]);
    expect(() => logTypeNumber('CONTAINER_ID')).toThrow(/unknown record type name/);
  });

  test('with typeNumbers (readCapture, datagramOfItem, logTypeNumber) it is 1336, decoded as text', () => {
    expect(logTypeNumber('CONTAINER_ID', 0, typeNumbers)).toBe(1336);
    expect(logTypeNumber('UNKNOWN[1329]', 0, typeNumbers)).toBe(1329);
    expect(logTypeNumber('SYSCALL', 0, typeNumbers)).toBe(1300);
    const r = readCapture(enc(line), { typeNumbers });
    const [d] = [...r.datagrams];
    expect(r.errors).toEqual([]);
    expect(d).toMatchObject({ payloadKind: 'text', timestampNs: 1_606_404_280_226_000_000n });
    expect(new DataView(d!.bytes.buffer).getUint16(4, true)).toBe(1336);
    const item = [...readCaptureItems(enc(line), { typeNumbers })][0]!;
    expect(hex(datagramOfItem(item, { typeNumbers })!.bytes)).toBe(hex(d!.bytes));
    const m = decodeDatagram(d!.bytes, { littleEndian: true, registry: getDialect('ghak90-v11').registry, payloadKind: 'text' }).messages[0]!;
    expect([m.name, m.kind]).toEqual(['CONTAINER_ID', 'text']);
  });

  test('recordOfItem reads the line under the same names', () => {
    const item = [...readCaptureItems(enc(`node=n1 ${line}`))][0]!;
    expect(() => recordOfItem(item)).toThrow(/unknown record type name "CONTAINER_ID"/);
    expect(recordOfItem(item, { typeNumbers })).toMatchObject({ type: 1336, typeName: 'CONTAINER_ID', node: 'n1', serial: 174542 });
    const cwd = [...readCaptureItems(enc('type=CWD msg=audit(1.002:3): cwd="/"\n'))][0]!;
    expect(recordOfItem(cwd, { typeNumbers })).toEqual(recordOfItem(cwd));
  });

  test('the stream reader takes the same option', () => {
    const r = new CaptureStreamReader({ typeNumbers });
    r.append(enc(line));
    r.end();
    const item = r.next()!;
    expect(datagramOfItem(item, { typeNumbers })?.bytes.length).toBe(16 + line.length - 'type=CONTAINER_ID msg='.length - 1);
  });
});

describe('log lines are text whatever their type (item 3)', () => {
  test('type=UNKNOWN[1329] msg=? (AUDIT_REPLACE, binary on the wire) decodes as text, and only with payloadKind', () => {
    const [d] = [...readCapture(enc('type=UNKNOWN[1329] msg=?\n'), { format: 'log' }).datagrams];
    expect(d!.payloadKind).toBe('text');
    const text = decodeDatagram(d!.bytes, { littleEndian: true, payloadKind: 'text' });
    expect(text.messages.map((m) => [m.name, m.kind, m.warnings])).toEqual([['REPLACE', 'text', undefined]]);
    expect(text.messages[0]!.body).toMatchObject({ text: '?' });
    expect(() => decodeDatagram(d!.bytes, { littleEndian: true })).toThrow();
  });

  test('every line of audit-rhel7.log decodes as text', () => {
    const bytes = new Uint8Array(readFileSync(`${VECTORS}go-libaudit/auparse/audit-rhel7.log`));
    const r = readCapture(bytes);
    let n = 0;
    for (const d of r.datagrams) {
      const m = decodeDatagram(d.bytes, { littleEndian: true, registry: MAINLINE_REGISTRY, ...(d.payloadKind === undefined ? {} : { payloadKind: d.payloadKind }) });
      expect(m.messages.map((x) => x.kind)).toEqual(['text']);
      n++;
    }
    expect(r.errors).toEqual([]);
    expect(n).toBeGreaterThan(0);
  });

  test('captured datagrams have no payloadKind', () => {
    expect([...readCapture(vector('events.multicast.netlink.pcap')).datagrams].every((d) => d.payloadKind === undefined)).toBe(true);
  });
});

describe('LogLine records its newline (item 4)', () => {
  test('only a last line without one has newline: false', () => {
    const ls = lines(enc('type=CWD msg=audit(1.002:3): cwd="/"\ntype=CWD msg=audit(1.002:4): cwd="/x"'));
    expect(ls.map((l) => l.newline)).toEqual([true, false]);
    expect(lines(enc('type=CWD msg=audit(1.002:3): cwd="/"\n')).map((l) => l.newline)).toEqual([true]);
  });

  test('the same fed one byte at a time', () => {
    const bytes = enc('type=CWD msg=audit(1.002:3): cwd="/"\ntype=CWD msg=audit(1.002:4): cwd="/x"');
    const r = new CaptureStreamReader();
    const got: boolean[] = [];
    const take = (): void => {
      for (let i = r.next(); i !== undefined; i = r.next()) if (i.kind === 'line') got.push(i.line.newline);
    };
    for (const b of bytes) {
      r.append(Uint8Array.of(b));
      take();
    }
    r.end();
    take();
    expect(got).toEqual([true, false]);
  });

  test.each(['records.log', 'go-libaudit/auparse/audit-rhel7.log', 'go-libaudit/auparse/audit-rhel6.log'])('logLineText writes %s back byte for byte', (name) => {
    const bytes = vector(name);
    const text = lines(bytes)
      .map((l) => logLineText(l, l.payload))
      .join('');
    expect(text).toBe(new TextDecoder().decode(bytes).replace(/^\s*\n/gm, ''));
  });
});

describe('the container header from the stream reader (item 5)', () => {
  const read = (bytes: Uint8Array): CaptureStreamReader => {
    const r = new CaptureStreamReader();
    r.append(bytes);
    r.end();
    while (r.next() !== undefined);
    return r;
  };

  test('pcap: byte order, resolution, version, snaplen and link type', () => {
    expect(read(vector('events.multicast.be.netlink.pcap')).container).toEqual({
      format: 'pcap',
      littleEndian: false,
      nanosecond: false,
      versionMajor: 2,
      versionMinor: 4,
      snapLen: 65535,
      linkType: 253,
      linkTypeField: 253,
    });
    expect(read(capture('events.multicast.nsec.pcap')).container).toMatchObject({ format: 'pcap', littleEndian: true, nanosecond: true, snapLen: 262144 });
    expect(read(vector('status.sll2.pcap')).container).toMatchObject({ linkType: 276 });
  });

  test('known once the header is in, before any packet', () => {
    const bytes = vector('status.netlink.pcap');
    const r = new CaptureStreamReader();
    r.append(bytes.subarray(0, 23));
    expect(r.next()).toBeUndefined();
    expect(r.container).toBeUndefined();
    r.append(bytes.subarray(23, 30));
    expect(r.next()).toBeUndefined();
    expect(r.container).toMatchObject({ format: 'pcap', linkType: 253 });
  });

  test('pcapng: every section with its interfaces', () => {
    const three = read(capture('status.three-links.pcapng')).container;
    expect(three?.format).toBe('pcapng');
    if (three?.format !== 'pcapng') return;
    expect(three.sections).toHaveLength(1);
    expect(three.sections[0]!.interfaces.map((i) => i.linkType)).toEqual([253, 113, 276]);
    const two = read(capture('two-sections.pcapng')).container;
    if (two?.format !== 'pcapng') throw new Error('not pcapng');
    expect(two.sections.length).toBe(2);
    expect(two.sections.map((s) => [s.versionMajor, s.versionMinor])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  test('text formats have none', () => {
    expect(read(vector('records.log')).container).toBeUndefined();
  });
});

describe('one pcapng writer, one interface per link type (item 6)', () => {
  const summary = (bytes: Uint8Array): unknown[] => [...readCapture(bytes).datagrams].map((d) => [hex(d.bytes), hex(d.linkHeader!), d.linkType, d.timestampNs]);

  test('a pcapng with NETLINK, SLL and SLL2 interfaces round-trips packets, pseudo-headers and times', () => {
    const original = capture('status.three-links.pcapng');
    const ds = [...readCapture(original).datagrams];
    expect(new Set(ds.map((d) => d.linkType))).toEqual(new Set([253, 113, 276]));
    expect(summary(writePcapng(ds, { nanosecond: true }))).toEqual(summary(original));
    const again = readCapture(writePcapng(ds, { nanosecond: true }));
    const r = new CaptureStreamReader();
    r.append(writePcapng(ds));
    r.end();
    while (r.next() !== undefined);
    // Interfaces in the order their link types first appear.
    const order = [...new Set(ds.map((d) => d.linkType!))];
    expect(order).toHaveLength(3);
    expect(r.container?.format === 'pcapng' && r.container.sections[0]!.interfaces.map((i) => i.linkType)).toEqual(order);
    expect([...again.datagrams].map((d) => d.interfaceId)).toEqual(ds.map((d) => order.indexOf(d.linkType!)));
  });

  test("with the read section's interfaces declared up front, interface ids and resolutions come back too", () => {
    for (const name of ['status.three-links.pcapng', 'events.multicast.netlink.pcapng']) {
      const original = capture(name);
      const r = new CaptureStreamReader();
      r.append(original);
      r.end();
      const ds: CapturedDatagram[] = [];
      for (let i = r.next(); i !== undefined; i = r.next()) if (i.kind === 'datagram') ds.push(i.datagram);
      const c = r.container;
      if (c?.format !== 'pcapng') throw new Error('not pcapng');
      const out = writePcapng(ds, { interfaces: c.sections[0]!.interfaces, littleEndian: c.sections[0]!.littleEndian });
      const again = new CaptureStreamReader();
      again.append(out);
      again.end();
      const back: CapturedDatagram[] = [];
      for (let i = again.next(); i !== undefined; i = again.next()) if (i.kind === 'datagram') back.push(i.datagram);
      const ac = again.container;
      if (ac?.format !== 'pcapng') throw new Error('not pcapng');
      expect(ac.sections[0]!.interfaces).toEqual(c.sections[0]!.interfaces);
      const key = (d: CapturedDatagram): unknown[] => [hex(d.bytes), hex(d.linkHeader!), d.linkType, d.interfaceId, d.timestampNs];
      expect(back.map(key)).toEqual(ds.map(key));
    }
  });

  test('linkType puts every packet on one interface with a fresh pseudo-header', () => {
    const ds = [...readCapture(capture('status.three-links.pcapng')).datagrams];
    const out = [...readCapture(writePcapng(ds, { linkType: 276 })).datagrams];
    expect(out.map((d) => [d.linkType, d.interfaceId])).toEqual(ds.map(() => [276, 0]));
    expect(out.map((d) => hex(d.bytes))).toEqual(ds.map((d) => hex(d.bytes)));
  });

  test('the streaming writer gives the same bytes as writePcapng', () => {
    const ds = [...readCapture(capture('status.three-links.pcapng')).datagrams];
    const w = new PcapngWriter({ nanosecond: true, littleEndian: false });
    const parts = [w.header(), ...ds.map((d) => w.packet(d))];
    const joined = Buffer.concat(parts);
    expect(hex(joined)).toBe(hex(writePcapng(ds, { nanosecond: true, littleEndian: false })));
    expect(w.linkTypes).toEqual([...new Set(ds.map((d) => d.linkType!))]);
    // A pcap cannot hold several link types: it writes them all in one.
    expect([...readCapture(writePcap(ds, { linkType: 113 })).datagrams].every((d) => d.linkType === 113)).toBe(true);
  });
});
