import { fc } from '@fast-check/vitest';
import type { AuditFeatures, AuditMakeEquiv, AuditReplace, AuditRuleData, AuditSigInfo, AuditStatus, AuditTtyStatus } from '../../src/audit/index.js';
import { MAINLINE_RULE_STRING_FIELDS } from '../../src/audit/index.js';

export const u32 = fc.integer({ min: 0, max: 0xffffffff });
export const i32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
export const bytes = (maxLength = 32, minLength = 0) => fc.uint8Array({ minLength, maxLength });

/** Any audit_status that decodes back to itself: `trailing` only as long as it cannot hold the next field. */
export const status: fc.Arbitrary<AuditStatus> = fc
  .record({
    base: fc.record({ mask: u32, enabled: u32, failure: u32, pid: u32, rate_limit: u32, backlog_limit: u32, lost: u32, backlog: u32 }),
    ext: fc.tuple(u32, u32, u32),
    version: fc.constantFrom(1, 2, 3),
    trailing: bytes(12),
  })
  .map(({ base, ext, version, trailing }) => {
    const room = version === 1 ? 7 : version === 2 ? 3 : trailing.length;
    const t = trailing.slice(0, Math.min(room, trailing.length));
    if (version === 1) return { ...base, trailing: t };
    if (version === 2) return { ...base, feature_bitmap: ext[0], backlog_wait_time: ext[1], trailing: t };
    return { ...base, feature_bitmap: ext[0], backlog_wait_time: ext[1], backlog_wait_time_actual: ext[2], trailing: t };
  });

export const features: fc.Arbitrary<AuditFeatures> = fc.record({ vers: u32, mask: u32, features: u32, lock: u32, trailing: bytes() });
export const sigInfo: fc.Arbitrary<AuditSigInfo> = fc.record({ uid: u32, pid: i32, ctx: bytes(48) });
export const replace: fc.Arbitrary<AuditReplace> = fc.record({ pid: i32, trailing: bytes() });
export const makeEquiv: fc.Arbitrary<AuditMakeEquiv> = fc.record({ old_path: bytes(40), new_path: bytes(40), trailing: bytes(8) });
export const tty: fc.Arbitrary<AuditTtyStatus> = fc.oneof(
  fc.record({ enabled: u32, trailing: bytes(3) }),
  fc.record({ enabled: u32, log_passwd: u32, trailing: bytes(16) }),
);

const STRING_IDS = [...MAINLINE_RULE_STRING_FIELDS];
const fieldId = fc.oneof(fc.constantFrom(...STRING_IDS), fc.constantFrom(0, 1, 9, 11, 12, 103, 104, 106, 200, 201));
const u32s64 = fc.array(u32, { minLength: 64, maxLength: 64 });

/** An audit_rule_data whose strings sit where its string fields say and whose values are their lengths. */
export const ruleData: fc.Arbitrary<AuditRuleData> = fc
  .record({
    flags: u32,
    action: u32,
    mask: u32s64,
    fields: fc.array(fieldId, { minLength: 64, maxLength: 64 }),
    values: u32s64,
    fieldflags: u32s64,
    count: fc.integer({ min: 0, max: 64 }),
    strs: fc.array(bytes(20), { minLength: 64, maxLength: 64 }),
    bufRest: bytes(6),
    trailing: bytes(4),
  })
  .map((r) => {
    const values = [...r.values];
    const strings: (Uint8Array | null)[] = [];
    let buflen = r.bufRest.length;
    for (let i = 0; i < r.count; i++) {
      if (MAINLINE_RULE_STRING_FIELDS.has(r.fields[i]!)) {
        strings.push(r.strs[i]!);
        values[i] = r.strs[i]!.length;
        buflen += r.strs[i]!.length;
      } else strings.push(null);
    }
    return {
      flags: r.flags, action: r.action, field_count: r.count, mask: r.mask, fields: r.fields, values, fieldflags: r.fieldflags,
      buflen, strings, bufRest: r.bufRest, trailing: r.trailing,
    };
  });
