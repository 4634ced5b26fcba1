import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { offsetsOfLayout } from '../../src/bytes/struct.js';
import {
  AUDIT_CAPCONTID_STATUS_LAYOUT,
  AUDIT_CONTID_STATUS_I386,
  AUDIT_CONTID_STATUS_X86_64,
  AUDIT_LOGINUID_STATUS_LAYOUT,
  AUDIT_SIG_INFO2_V11_LAYOUT,
  AUDIT_SIG_INFO2_V7_LAYOUT,
  capcontidStatusCodec,
  GHAK90_STRUCT_SIZES,
  makeContidStatusCodec,
  sigInfo2V11Codec,
  sigInfo2V7Codec,
} from '../../src/audit/dialects/index.js';
import { ctx, encode, roundTripBytes, view } from './helpers.js';

/** Offsets as reference §6.2 states them, written out by hand. */
const EXPECTED = {
  contid_x86_64: { offsets: { pid: 0, __pad: 4, id: 8 }, size: 16 },
  contid_i386: { offsets: { pid: 0, id: 4 }, size: 12 },
  capcontid: { offsets: { pid: 0, enable: 4 }, size: 8 },
  loginuid: { offsets: { loginuid: 0 }, size: 4 },
  sig_info2_v7: { offsets: { uid: 0, pid: 4, cid: 8 }, size: 16 },
  sig_info2_v11: { offsets: { uid: 0, pid: 4, cid_len: 8 }, size: 12 },
};

const i32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const u32 = fc.nat({ max: 0xffffffff });
const u64 = fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_ffffn });
const bytes = (max = 24) => fc.uint8Array({ maxLength: max });

describe('ghak90 struct layouts', () => {
  it('match the hand-written offsets and sizes', () => {
    expect(offsetsOfLayout(AUDIT_CONTID_STATUS_X86_64)).toEqual(EXPECTED.contid_x86_64.offsets);
    expect(offsetsOfLayout(AUDIT_CONTID_STATUS_I386)).toEqual(EXPECTED.contid_i386.offsets);
    expect(offsetsOfLayout(AUDIT_CAPCONTID_STATUS_LAYOUT)).toEqual(EXPECTED.capcontid.offsets);
    expect(offsetsOfLayout(AUDIT_LOGINUID_STATUS_LAYOUT)).toEqual(EXPECTED.loginuid.offsets);
    expect(offsetsOfLayout(AUDIT_SIG_INFO2_V7_LAYOUT)).toEqual(EXPECTED.sig_info2_v7.offsets);
    expect(offsetsOfLayout(AUDIT_SIG_INFO2_V11_LAYOUT)).toEqual(EXPECTED.sig_info2_v11.offsets);
    expect(GHAK90_STRUCT_SIZES).toEqual({
      audit_contid_status_x86_64: 16,
      audit_contid_status_i386: 12,
      audit_capcontid_status: 8,
      audit_loginuid_status: 4,
      audit_sig_info2_v7: 16,
      audit_sig_info2_v11: 12,
    });
  });

  test.prop([fc.boolean(), i32, u64, bytes(8)], { numRuns: 200 })('audit_contid_status x86_64: pid @0, zero pad @4, id @8', (le, pid, id, trailing) => {
    const codec = makeContidStatusCodec('x86_64');
    const b = encode(codec, { pid, id, trailing }, le);
    expect(b.length).toBe(16 + trailing.length);
    expect(view(b).getInt32(0, le)).toBe(pid);
    expect(view(b).getUint32(4, le)).toBe(0);
    expect(view(b).getBigUint64(8, le)).toBe(id);
    expect(roundTripBytes(codec, b, ctx(le))).toEqual({ pid, __pad: 0, id, trailing });
  });

  test.prop([fc.boolean(), i32, u32, u64], { numRuns: 200 })('audit_contid_status x86_64 keeps non-zero padding as read', (le, pid, pad, id) => {
    const b = new Uint8Array(16);
    view(b).setInt32(0, pid, le);
    view(b).setUint32(4, pad, le);
    view(b).setBigUint64(8, id, le);
    expect(roundTripBytes(makeContidStatusCodec('x86_64'), b, ctx(le)).__pad).toBe(pad);
  });

  test.prop([fc.boolean(), i32, u64], { numRuns: 200 })('audit_contid_status i386: pid @0, id @4, 12 bytes', (le, pid, id) => {
    const codec = makeContidStatusCodec('i386');
    const b = encode(codec, { pid, id, trailing: new Uint8Array(0) }, le);
    expect(b.length).toBe(12);
    expect(view(b).getInt32(0, le)).toBe(pid);
    expect(view(b).getBigUint64(4, le)).toBe(id);
    roundTripBytes(codec, b, ctx(le));
  });

  test.prop([fc.boolean(), i32, u32], { numRuns: 200 })('audit_capcontid_status: pid @0, enable @4', (le, pid, enable) => {
    const b = encode(capcontidStatusCodec, { pid, enable, trailing: new Uint8Array(0) }, le);
    expect([b.length, view(b).getInt32(0, le), view(b).getUint32(4, le)]).toEqual([8, pid, enable]);
    roundTripBytes(capcontidStatusCodec, b, ctx(le));
  });

  test.prop([fc.boolean(), u32, i32, u64, bytes()], { numRuns: 200 })('audit_sig_info2 V7: uid @0, pid @4, cid @8, ctx @16', (le, uid, pid, cid, c) => {
    const b = encode(sigInfo2V7Codec, { uid, pid, cid, ctx: c }, le);
    expect(view(b).getUint32(0, le)).toBe(uid);
    expect(view(b).getInt32(4, le)).toBe(pid);
    expect(view(b).getBigUint64(8, le)).toBe(cid);
    expect(b.subarray(16)).toEqual(c);
    roundTripBytes(sigInfo2V7Codec, b, ctx(le));
  });

  test.prop([fc.boolean(), u32, i32, u64, fc.string({ maxLength: 20 })], { numRuns: 200 })(
    'audit_sig_info2 v11: cid_len @8, decimal contid @12, then the context',
    (le, uid, pid, contid, label) => {
      const text = contid.toString();
      const c = new TextEncoder().encode(label);
      const b = encode(sigInfo2V11Codec, { uid, pid, cid_len: text.length, contid, ctx: c }, le);
      expect(view(b).getUint32(8, le)).toBe(text.length);
      expect(new TextDecoder().decode(b.subarray(12, 12 + text.length))).toBe(text);
      expect(b.subarray(12 + text.length)).toEqual(c);
      // a context starting with digits still decodes: cid_len bounds the contid
      expect(roundTripBytes(sigInfo2V11Codec, b, ctx(le)).contid).toBe(contid);
    },
  );

  test.prop([fc.boolean(), u32, bytes(40)], { numRuns: 200 })(
    'audit_sig_info2 v11 without a contid: any uninitialised cid_len decodes leniently and re-encodes byte-exact',
    (le, cidLen, data) => {
      const b = new Uint8Array(12 + data.length);
      view(b).setUint32(8, cidLen, le);
      b.set(data, 12);
      const body = roundTripBytes(sigInfo2V11Codec, b, ctx(le, le ? 'lenient' : 'strict'));
      expect(body.cid_len).toBe(cidLen);
      if (body.contid === null) expect(body.ctx).toEqual(data);
      else expect(body.contid.toString().length).toBe(cidLen);
    },
  );

  it('v11: a cid_len past the payload is "no contid" even with strict validation (what v11 really sends)', () => {
    const b = new Uint8Array(14);
    view(b).setUint32(8, 0xdeadbeef, true);
    b.set([0x73, 0x30], 12);
    const body = sigInfo2V11Codec.decode(b, ctx(true, 'strict', 100));
    expect(body).toEqual({ uid: 0, pid: 0, cid_len: 0xdeadbeef, contid: null, ctx: Uint8Array.of(0x73, 0x30) });
    expect(encode(sigInfo2V11Codec, body, true)).toEqual(b);
  });

  it('short payloads are AUDIT_ERR_TRUNCATED, never a crash', () => {
    for (const codec of [makeContidStatusCodec('x86_64'), makeContidStatusCodec('i386'), capcontidStatusCodec, sigInfo2V7Codec, sigInfo2V11Codec]) {
      for (let n = 0; n < 12; n++) {
        if (codec === capcontidStatusCodec && n >= 8) continue;
        expect(() => codec.decode(new Uint8Array(n), ctx(true))).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_TRUNCATED' }));
      }
    }
  });

  it('v11 encode refuses a cid_len that is not the contid text length', () => {
    expect(() => encode(sigInfo2V11Codec, { uid: 0, pid: 1, cid_len: 3, contid: 42n, ctx: new Uint8Array(0) }, true)).toThrowError(
      expect.objectContaining({ code: 'AUDIT_ERR_ENCODE' }),
    );
  });
});

describe('V7 netlink requests in a datagram', () => {
  it('AUDIT_GET_CONTID (1022) carries audit_contid_status by the chosen ABI', async () => {
    const { decodeDatagram, encodeDatagram } = await import('../../src/audit/datagram.js');
    const { getDialect, makeGhak90V7Dialect } = await import('../../src/audit/dialects/index.js');
    for (const [d, size] of [[getDialect('ghak90-v7'), 16], [makeGhak90V7Dialect({ abi: 'i386' }), 12]] as const) {
      const frame = new Uint8Array(16 + size);
      const v = view(frame);
      v.setUint32(0, frame.length, true);
      v.setUint16(4, 1022, true);
      v.setUint16(6, 0x5, true);
      v.setInt32(16, 4242, true);
      v.setBigUint64(16 + size - 8, 0xffff_ffff_ffff_ffffn, true);
      const dec = decodeDatagram(frame, { littleEndian: true, registry: d.registry });
      expect(dec.messages[0]).toMatchObject({ name: 'GET_CONTID', kind: 'contid-status', body: { pid: 4242, id: 0xffff_ffff_ffff_ffffn } });
      expect(encodeDatagram(dec, { registry: d.registry })).toEqual(frame);
    }
  });
});
