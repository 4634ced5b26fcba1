import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { hexLine, readCapture, writePcap, writePcapng, writeRaw } from '../../src/capture/index.js';
import type { CapturedDatagram, Direction } from '../../src/capture/index.js';
import { hex } from './helpers.js';

const datagram = fc.record({
  bytes: fc.uint8Array({ minLength: 16, maxLength: 300 }),
  timestampNs: fc.bigInt({ min: 0n, max: 4_294_967_295_999_999_999n }),
  direction: fc.constantFrom<Direction | undefined>('to-kernel', 'from-kernel', undefined),
});
const list = fc.array(datagram, { maxLength: 12 });
const asDatagrams = (xs: { bytes: Uint8Array; timestampNs: bigint; direction: Direction | undefined }[]): CapturedDatagram[] =>
  xs.map((x, index) => ({ bytes: x.bytes, index, offset: 0, timestampNs: x.timestampNs, ...(x.direction === undefined ? {} : { direction: x.direction }) }));

describe('writers and readers are inverse', () => {
  test.prop([list, fc.constantFrom(253, 113, 276), fc.boolean(), fc.boolean()], { numRuns: 200 })('pcap and pcapng: bytes and ns times', (xs, linkType, littleEndian, nanosecond) => {
    const ds = asDatagrams(xs);
    for (const write of [writePcap, writePcapng]) {
      const back = [...readCapture(write(ds, { linkType, littleEndian, nanosecond })).datagrams];
      expect(back.map((d) => [hex(d.bytes), d.linkType, d.littleEndian])).toEqual(ds.map((d) => [hex(d.bytes), linkType, littleEndian]));
      const t = (ns: bigint): bigint => (nanosecond ? ns : (ns / 1000n) * 1000n);
      expect(back.map((d) => d.timestampNs)).toEqual(ds.map((d) => t(d.timestampNs!)));
    }
  });

  test.prop([list, fc.boolean()], { numRuns: 200 })('raw and hex: bytes and directions', (xs, littleEndian) => {
    const ds = asDatagrams(xs);
    const raw = [...readCapture(writeRaw(ds, littleEndian)).datagrams];
    expect(raw.map((d) => [hex(d.bytes), d.direction, d.littleEndian])).toEqual(ds.map((d) => [hex(d.bytes), d.direction, littleEndian]));
    const text = new TextEncoder().encode(`# transcript\n${ds.map((d) => hexLine(d)).join('')}`);
    const fromHex = [...readCapture(text, { format: 'hex' }).datagrams];
    expect(fromHex.map((d) => [hex(d.bytes), d.direction])).toEqual(ds.map((d) => [hex(d.bytes), d.direction]));
  });
});
