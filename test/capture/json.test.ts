import { describe, expect, test } from 'vitest';
import { AuditErrorCode } from '../../src/bytes/errors.js';
import { datagramFromJson, datagramMetaToJson, readCapture, writePcap } from '../../src/capture/index.js';
import { vector } from './helpers.js';

describe('capture metadata in JSON Lines', () => {
  test('a pcap through JSON and back is byte-identical', () => {
    const original = vector('status.sll2.pcap');
    const lines = [...readCapture(original).datagrams].map((d) => JSON.stringify({ ...datagramMetaToJson(d), hex: Buffer.from(d.bytes).toString('hex') }));
    expect(JSON.parse(lines[0]!)).toMatchObject({ timestamp_ns: '1700000000000000000', link_type: 276, family: 9, link_header: '0009000000000001033804000000000000000000' });
    const back = lines.map((l, i) => {
      const o = JSON.parse(l) as { hex: string };
      return datagramFromJson(Uint8Array.from(Buffer.from(o.hex, 'hex')), o, i);
    });
    expect(Buffer.from(writePcap(back, { linkType: 276 })).equals(Buffer.from(original))).toBe(true);
  });

  test('bad metadata is AUDIT_ERR_BAD_JSON with a path', () => {
    expect(() => datagramFromJson(new Uint8Array(0), { timestamp_ns: 12 }, 0, 'line[3]')).toThrow(/line\[3\]\.timestamp_ns: expected a decimal string/);
    expect(() => datagramFromJson(new Uint8Array(0), { link_type: -1 }, 0)).toThrow(expect.objectContaining({ code: AuditErrorCode.BAD_JSON }));
    expect(() => datagramFromJson(new Uint8Array(0), { direction: 'up' }, 0)).toThrow(/direction/);
    expect(() => datagramFromJson(new Uint8Array(0), { link_header: 'xyz' }, 0)).toThrow(/link_header/);
  });
});
