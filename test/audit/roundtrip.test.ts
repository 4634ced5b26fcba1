import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  doneCodec, emptyCodec, featuresCodec, makeEquivCodec, rawCodec, replaceCodec, ruleDataCodec, sigInfoCodec, statusCodec, textCodec,
  ttyStatusCodec, type CodecContext, type PayloadCodec,
} from '../../src/audit/index.js';
import { ByteWriter } from '../../src/bytes/writer.js';
import * as arb from './arbitraries.js';

const header = { nlmsg_len: 0, nlmsg_type: 0, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 };
const ctx = (littleEndian: boolean): CodecContext => ({ littleEndian, base: 0, path: '', header, validation: 'strict' });

function encode<T>(codec: PayloadCodec<T>, v: T, le: boolean, prefix = 0): Uint8Array {
  const w = new ByteWriter(le);
  w.zeros(prefix);
  codec.encode(w, v);
  return w.finish().subarray(prefix);
}

/** size = encoded length; decode(encode(v)) = v; encoding after 10 other bytes gives the same bytes. */
function roundTrip<T>(codec: PayloadCodec<T>, v: T, le: boolean): void {
  const b = encode(codec, v, le);
  expect(codec.size(v)).toBe(b.length);
  expect(codec.decode(b, ctx(le))).toEqual(v);
  expect(encode(codec, v, le, 10)).toEqual(b);
}

/** encode(decode(b)) = b. */
function bytesBack<T>(codec: PayloadCodec<T>, b: Uint8Array, le: boolean): void {
  expect(encode(codec, codec.decode(b, ctx(le)), le)).toEqual(b);
}

const RUNS = { numRuns: 200 };
const le = fc.boolean();

describe('value → bytes → value', () => {
  test.prop([arb.status, le], RUNS)('audit_status', (v, l) => roundTrip(statusCodec, v, l));
  test.prop([arb.features, le], RUNS)('audit_features', (v, l) => roundTrip(featuresCodec, v, l));
  test.prop([arb.ruleData, le], RUNS)('audit_rule_data', (v, l) => roundTrip(ruleDataCodec, v, l));
  test.prop([arb.sigInfo, le], RUNS)('audit_sig_info', (v, l) => roundTrip(sigInfoCodec, v, l));
  test.prop([arb.tty, le], RUNS)('audit_tty_status', (v, l) => roundTrip(ttyStatusCodec, v, l));
  test.prop([arb.makeEquiv, le], RUNS)('AUDIT_MAKE_EQUIV', (v, l) => roundTrip(makeEquivCodec, v, l));
  test.prop([arb.replace, le], RUNS)('AUDIT_REPLACE', (v, l) => roundTrip(replaceCodec, v, l));
  test.prop([arb.bytes(), le], RUNS)('empty requests', (trailing, l) => roundTrip(emptyCodec, { trailing }, l));
  test.prop([arb.bytes(), le], RUNS)('raw', (payload, l) => roundTrip(rawCodec, { payload }, l));
  test.prop([fc.option(arb.i32, { nil: undefined }), arb.bytes(8), le], RUNS)('NLMSG_DONE', (status, t, l) =>
    roundTrip(doneCodec, status === undefined ? { trailing: t.slice(0, 3) } : { status, trailing: t }, l),
  );
});

describe('bytes → value → bytes', () => {
  test.prop([arb.bytes(80, 32), le], RUNS)('audit_status, any length ≥ 32', (b, l) => bytesBack(statusCodec, b, l));
  test.prop([arb.bytes(40, 16), le], RUNS)('audit_features', (b, l) => bytesBack(featuresCodec, b, l));
  test.prop([arb.bytes(40, 8), le], RUNS)('audit_sig_info', (b, l) => bytesBack(sigInfoCodec, b, l));
  test.prop([arb.bytes(20, 4), le], RUNS)('audit_tty_status (4- and 8-byte forms)', (b, l) => bytesBack(ttyStatusCodec, b, l));
  test.prop([arb.bytes(20, 4), le], RUNS)('AUDIT_REPLACE', (b, l) => bytesBack(replaceCodec, b, l));
  test.prop([arb.bytes(60), le], RUNS)('text, NULs and padding included', (b, l) => bytesBack(textCodec, b, l));
  test.prop([arb.bytes(12), le], RUNS)('NLMSG_DONE', (b, l) => bytesBack(doneCodec, b, l));
  test.prop([arb.makeEquiv, le], RUNS)('AUDIT_MAKE_EQUIV', (v, l) => bytesBack(makeEquivCodec, encode(makeEquivCodec, v, l), l));
  test.prop([arb.ruleData, le], RUNS)('audit_rule_data', (v, l) => bytesBack(ruleDataCodec, encode(ruleDataCodec, v, l), l));
});
