import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeDatagram, encodeDatagram } from '../../src/audit/datagram.js';
import { getDialect, makeStatusCodec, type DialectStatus } from '../../src/audit/dialects/index.js';
import { ctx, encode, roundTripBytes, view } from './helpers.js';

/** Reference §3.1 (mainline) and §6.2 (V8): offset → C name. */
const MAINLINE = ['mask', 'enabled', 'failure', 'pid', 'rate_limit', 'backlog_limit', 'lost', 'backlog', 'feature_bitmap', 'backlog_wait_time', 'backlog_wait_time_actual'];
const V8 = [...MAINLINE.slice(0, 10), 'contid_depth_limit', 'contid_netns_limit'];

function statusFrame(words: readonly number[], le: boolean, extra = new Uint8Array(0)): Uint8Array {
  const b = new Uint8Array(16 + 4 * words.length + extra.length);
  const v = view(b);
  v.setUint32(0, b.length, le);
  v.setUint16(4, 1000, le);
  v.setUint32(8, 1, le);
  words.forEach((w, i) => v.setUint32(16 + 4 * i, w, le));
  b.set(extra, 16 + 4 * words.length);
  return b;
}

describe('audit_status by dialect', () => {
  it('the dialect tables put each field at the hand-written offset', () => {
    expect(getDialect('mainline').statusFields.map((f) => [f.offset, f.name])).toEqual(MAINLINE.map((n, i) => [4 * i, n]));
    expect(getDialect('ghak90-v8').statusFields.map((f) => [f.offset, f.name])).toEqual(V8.map((n, i) => [4 * i, n]));
    expect(getDialect('ghak90-v8').statusFields.filter((f) => f.offset >= 40).map((f) => f.maskBit)).toEqual([0x80, 0x100]);
  });

  test.prop([fc.array(fc.nat({ max: 0xffffffff }), { minLength: 12, maxLength: 12 }), fc.boolean(), fc.uint8Array({ maxLength: 6 })], { numRuns: 200 })(
    'a 48-byte GET reply: @40 is backlog_wait_time_actual on mainline, contid_depth_limit on ghak90-v8; both re-encode exactly',
    (words, le, extra) => {
      const frame = statusFrame(words, le, extra);
      const m = decodeDatagram(frame, { littleEndian: le, registry: getDialect('mainline').registry });
      const v8 = decodeDatagram(frame, { littleEndian: le, registry: getDialect('ghak90-v8').registry });
      const mb = m.messages[0]!.body as unknown as Record<string, unknown>;
      const vb = v8.messages[0]!.body as unknown as DialectStatus;
      expect(mb.backlog_wait_time_actual).toBe(words[10]);
      expect(mb.contid_depth_limit).toBeUndefined();
      expect(vb.contid_depth_limit).toBe(words[10]);
      expect(vb.contid_netns_limit).toBe(words[11]);
      expect(vb.backlog_wait_time_actual).toBeUndefined();
      expect(vb.trailing).toEqual(extra);
      V8.forEach((n, i) => expect(vb[n]).toBe(words[i]));
      expect(encodeDatagram(m, { registry: getDialect('mainline').registry })).toEqual(frame);
      expect(encodeDatagram(v8, { registry: getDialect('ghak90-v8').registry })).toEqual(frame);
    },
  );

  test.prop([fc.integer({ min: 32, max: 56 }), fc.boolean()], { numRuns: 200 })('any length from 32 up: present fields, then trailing', (len, le) => {
    const codec = makeStatusCodec(getDialect('ghak90-v8').statusFields);
    const b = new Uint8Array(len).map((_, i) => (i * 7 + 3) & 0xff);
    const body = roundTripBytes(codec, b, ctx(le));
    const whole = Math.min(12, Math.floor(len / 4));
    expect(Object.keys(body).filter((k) => k !== 'trailing')).toEqual(V8.slice(0, whole));
    expect(body.trailing.length).toBe(len - 4 * whole);
  });

  it('below 32 bytes is AUDIT_ERR_TRUNCATED; an unknown field will not encode', () => {
    const codec = makeStatusCodec(getDialect('ghak90-v8').statusFields);
    expect(() => codec.decode(new Uint8Array(31), ctx(true, 'strict', 16))).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_TRUNCATED', offset: 16 }));
    const body = codec.decode(new Uint8Array(48), ctx(true));
    expect(() => encode(codec, { ...body, backlog_wait_time_actual: 1 }, true)).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_ENCODE' }));
  });
});
