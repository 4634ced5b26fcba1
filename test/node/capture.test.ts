import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { CaptureStreamReader, pcapHeader, pcapRecord, readCaptureItems } from '../../src/capture/index.js';
import type { CapturedDatagram } from '../../src/capture/index.js';
import { openInput, progressReporter, readCaptureFile, readCaptureStream } from '../../src/node/index.js';
import { getDialect } from '../../src/audit/dialects/catalog.js';
import { VECTORS, summarize, vector } from '../capture/helpers.js';

describe('node adapters', () => {
  test('readCaptureFile gives the same items as a whole-buffer read', async () => {
    for (const name of ['events.multicast.netlink.pcap', 'status.netlink.pcapng', 'events.unicast.txt', 'records.log']) {
      const items: unknown[] = [];
      for await (const item of readCaptureFile(VECTORS + name)) items.push(summarize(item));
      expect(items).toEqual([...readCaptureItems(vector(name))].map(summarize));
    }
  });

  test('openInput exposes the format and the container header the reader read, with the first item', async () => {
    const input = openInput(VECTORS + 'events.multicast.be.netlink.pcap', Readable.from([]));
    expect(input.container).toBeUndefined();
    let seen: unknown;
    for await (const item of input) {
      seen ??= { kind: item.kind, format: input.format, container: input.container };
    }
    expect(seen).toEqual({
      kind: 'datagram',
      format: 'pcap',
      container: { format: 'pcap', littleEndian: false, nanosecond: false, versionMajor: 2, versionMinor: 4, snapLen: 65535, linkType: 253, linkTypeField: 253 },
    });
    expect(input.bytesRead).toBe(vector('events.multicast.be.netlink.pcap').length);
    const ng = openInput('-', Readable.from([vector('status.netlink.pcapng')]));
    for await (const item of ng) void item;
    expect(ng.container?.format === 'pcapng' && ng.container.sections.map((sec) => sec.interfaces.map((i) => i.linkType))).toEqual([[253]]);
  });

  test('readCaptureStream takes typeNumbers for a patched kernel\'s log', async () => {
    const { datagramOfItem } = await import('../../src/capture/index.js');
    const line = 'type=CONTAINER_ID msg=audit(1606404280.226:174542): record=1 contid=527940429489930240\n';
    const opts = { typeNumbers: getDialect('ghak90-v11').typeNumbers };
    const types: number[] = [];
    for await (const item of readCaptureStream(Readable.from([line]), opts)) {
      const d = datagramOfItem(item, opts);
      if (d !== undefined) types.push(new DataView(d.bytes.buffer).getUint16(4, true));
    }
    expect(types).toEqual([1336]);
  });

  test('readCaptureStream over a Readable with odd chunks, reporting progress', async () => {
    const bytes = vector('events.multicast.netlink.pcap');
    const chunks = [];
    for (let i = 0; i < bytes.length; i += 333) chunks.push(bytes.subarray(i, i + 333));
    let progress = 0;
    const items = [];
    for await (const item of readCaptureStream(Readable.from(chunks), { onProgress: (n) => (progress = n) })) items.push(item);
    expect(items.filter((i) => i.kind === 'datagram')).toHaveLength(60);
    expect(progress).toBe(bytes.length);
  });

  test('memory stays flat: 40 MB of packets through a buffer the size of one chunk and one packet', () => {
    const datagram: CapturedDatagram = { bytes: new Uint8Array(2000).fill(0x41), index: 0, offset: 0, timestampNs: 1n };
    const record = pcapRecord(datagram);
    const chunk = new Uint8Array(record.length * 32);
    for (let i = 0; i < 32; i++) chunk.set(record, i * record.length);
    const r = new CaptureStreamReader();
    r.append(pcapHeader());
    let count = 0;
    let maxCapacity = 0;
    for (let total = 0; total < 40e6; total += chunk.length) {
      r.append(chunk);
      for (let item = r.next(); item !== undefined; item = r.next()) if (item.kind === 'datagram') count++;
      maxCapacity = Math.max(maxCapacity, r.capacity);
    }
    r.end();
    expect(r.next()).toBeUndefined();
    expect(count).toBe(Math.ceil(40e6 / chunk.length) * 32);
    expect(maxCapacity).toBeLessThanOrEqual(4 * chunk.length);
  });

  test('progress shows only on a terminal', () => {
    const written: string[] = [];
    let t = 0;
    const tty = progressReporter({ isTTY: true, write: (s: string) => written.push(s) }, 1000, 10, () => (t += 100));
    tty.update(500, 3);
    tty.done();
    expect(written[0]).toMatch(/ of .*\(50%\), 3 messages/);
    const piped: string[] = [];
    const p = progressReporter({ isTTY: false, write: (s: string) => piped.push(s) }, 1000, 0);
    p.update(500, 3);
    p.done();
    expect(piped).toEqual([]);
  });
});
