import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  featuresCodec, makeEquivCodec, replaceCodec, ruleDataCodec, sigInfoCodec, statusCodec, ttyStatusCodec, type PayloadCodec,
} from '../../src/audit/index.js';
import { ByteWriter } from '../../src/bytes/writer.js';
import * as arb from './arbitraries.js';

// Byte offsets written out by hand from the C structs of reference §3 (include/uapi/linux/audit.h),
// not taken from the codecs' layout tables.
const AUDIT_STATUS = {
  mask: 0, enabled: 4, failure: 8, pid: 12, rate_limit: 16, backlog_limit: 20, lost: 24, backlog: 28,
  feature_bitmap: 32, backlog_wait_time: 36, backlog_wait_time_actual: 40,
} as const;
const AUDIT_FEATURES = { vers: 0, mask: 4, features: 8, lock: 12 } as const;
const AUDIT_RULE_DATA = { flags: 0, action: 4, field_count: 8, mask: 12, fields: 268, values: 524, fieldflags: 780, buflen: 1036, buf: 1040 } as const;
const AUDIT_SIG_INFO = { uid: 0, pid: 4, ctx: 8 } as const;
const AUDIT_TTY_STATUS = { enabled: 0, log_passwd: 4 } as const;
const MAKE_EQUIV = { 'sizes[0]': 0, 'sizes[1]': 4, old: 8 } as const;

function encode<T>(codec: PayloadCodec<T>, v: T, le: boolean): { view: DataView; bytes: Uint8Array } {
  const w = new ByteWriter(le);
  codec.encode(w, v);
  const bytes = w.finish();
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes };
}

const RUNS = { numRuns: 200 };

describe('fields sit at the offsets of the C structs', () => {
  test.prop([arb.status, fc.boolean()], RUNS)('audit_status', (v, le) => {
    const { view, bytes } = encode(statusCodec, v, le);
    for (const [name, off] of Object.entries(AUDIT_STATUS)) {
      const value = v[name as keyof typeof AUDIT_STATUS];
      if (value === undefined) expect(bytes.length - v.trailing.length).toBeLessThanOrEqual(off);
      else expect(view.getUint32(off, le), name).toBe(value);
    }
  });

  test.prop([arb.features, fc.boolean()], RUNS)('audit_features', (v, le) => {
    const { view } = encode(featuresCodec, v, le);
    for (const [name, off] of Object.entries(AUDIT_FEATURES)) expect(view.getUint32(off, le), name).toBe(v[name as keyof typeof AUDIT_FEATURES]);
  });

  test.prop([arb.ruleData, fc.boolean()], RUNS)('audit_rule_data (buf at 1040)', (v, le) => {
    const { view, bytes } = encode(ruleDataCodec, v, le);
    expect(view.getUint32(AUDIT_RULE_DATA.flags, le)).toBe(v.flags);
    expect(view.getUint32(AUDIT_RULE_DATA.action, le)).toBe(v.action);
    expect(view.getUint32(AUDIT_RULE_DATA.field_count, le)).toBe(v.field_count);
    for (let i = 0; i < 64; i++) {
      expect(view.getUint32(AUDIT_RULE_DATA.mask + 4 * i, le)).toBe(v.mask[i]);
      expect(view.getUint32(AUDIT_RULE_DATA.fields + 4 * i, le)).toBe(v.fields[i]);
      expect(view.getUint32(AUDIT_RULE_DATA.values + 4 * i, le)).toBe(v.values[i]);
      expect(view.getUint32(AUDIT_RULE_DATA.fieldflags + 4 * i, le)).toBe(v.fieldflags[i]);
    }
    expect(view.getUint32(AUDIT_RULE_DATA.buflen, le)).toBe(v.buflen);
    const first = v.strings.find((s) => s !== null && s.length > 0);
    if (first) expect(bytes.subarray(AUDIT_RULE_DATA.buf, AUDIT_RULE_DATA.buf + first.length)).toEqual(first);
    expect(bytes.length).toBe(AUDIT_RULE_DATA.buf + v.buflen + v.trailing.length);
  });

  test.prop([arb.sigInfo, fc.boolean()], RUNS)('audit_sig_info', (v, le) => {
    const { view, bytes } = encode(sigInfoCodec, v, le);
    expect(view.getUint32(AUDIT_SIG_INFO.uid, le)).toBe(v.uid);
    expect(view.getInt32(AUDIT_SIG_INFO.pid, le)).toBe(v.pid);
    expect(bytes.subarray(AUDIT_SIG_INFO.ctx)).toEqual(v.ctx);
  });

  test.prop([arb.tty, fc.boolean()], RUNS)('audit_tty_status', (v, le) => {
    const { view } = encode(ttyStatusCodec, v, le);
    expect(view.getUint32(AUDIT_TTY_STATUS.enabled, le)).toBe(v.enabled);
    if (v.log_passwd !== undefined) expect(view.getUint32(AUDIT_TTY_STATUS.log_passwd, le)).toBe(v.log_passwd);
  });

  test.prop([arb.makeEquiv, fc.boolean()], RUNS)('AUDIT_MAKE_EQUIV', (v, le) => {
    const { view, bytes } = encode(makeEquivCodec, v, le);
    expect(view.getUint32(MAKE_EQUIV['sizes[0]'], le)).toBe(v.old_path.length);
    expect(view.getUint32(MAKE_EQUIV['sizes[1]'], le)).toBe(v.new_path.length);
    expect(bytes.subarray(MAKE_EQUIV.old, MAKE_EQUIV.old + v.old_path.length)).toEqual(v.old_path);
  });

  test.prop([arb.replace, fc.boolean()], RUNS)('AUDIT_REPLACE pid at 0', (v, le) => {
    expect(encode(replaceCodec, v, le).view.getInt32(0, le)).toBe(v.pid);
  });

  it('§1.10 AUDIT_GET reply bytes give the listed values', () => {
    const hex = '00000000010000000100000' + '0d2040000000000000020000000000000000000007f00000060ea000000000000';
    const b = Uint8Array.from(Buffer.from(hex, 'hex'));
    const ctx = { littleEndian: true, base: 0, path: '', header: { nlmsg_len: 60, nlmsg_type: 1000, nlmsg_flags: 0, nlmsg_seq: 1, nlmsg_pid: 0 }, validation: 'strict' as const };
    expect(statusCodec.decode(b, ctx)).toMatchObject({ enabled: 1, failure: 1, pid: 1234, backlog_limit: 8192, feature_bitmap: 0x7f, backlog_wait_time: 60000, backlog_wait_time_actual: 0 });
  });
});
