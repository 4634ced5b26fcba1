import { AuditError, AuditErrorCode, truncated } from '../../bytes/errors.js';
import { defineStruct, type StructOf } from '../../bytes/struct.js';
import type { ByteWriter } from '../../bytes/writer.js';
import type { CodecContext, PayloadCodec } from '../codec.js';

/** AUDIT_MAX_FIELDS and AUDIT_BITMASK_SIZE (include/uapi/linux/audit.h). */
export const AUDIT_MAX_FIELDS = 64;
export const AUDIT_BITMASK_SIZE = 64;

/**
 * `struct audit_rule_data` (include/uapi/linux/audit.h, reference §3.6): the fixed 1040 bytes;
 * `buf[buflen]` follows.
 */
export const AUDIT_RULE_DATA_LAYOUT = [
  { name: 'flags', type: 'u32', doc: 'filter list (AUDIT_FILTER_*), optionally | AUDIT_FILTER_PREPEND 0x10' },
  { name: 'action', type: 'u32', doc: 'AUDIT_NEVER 0, AUDIT_POSSIBLE 1, AUDIT_ALWAYS 2' },
  { name: 'field_count', type: 'u32', doc: 'entries of fields/values/fieldflags in use, at most 64' },
  { name: 'mask', type: 'u32', count: AUDIT_BITMASK_SIZE, doc: 'syscall bitmap; class bits at the top of mask[63]' },
  { name: 'fields', type: 'u32', count: AUDIT_MAX_FIELDS, doc: 'field ids (AUDIT_PID, AUDIT_ARCH, ...)' },
  { name: 'values', type: 'u32', count: AUDIT_MAX_FIELDS, doc: 'u32 value, or the byte length of a string field' },
  { name: 'fieldflags', type: 'u32', count: AUDIT_MAX_FIELDS, doc: 'operator (AUDIT_EQUAL, ...)' },
  { name: 'buflen', type: 'u32', doc: 'total bytes of buf' },
] as const;

const RULE_DATA = defineStruct('audit_rule_data', AUDIT_RULE_DATA_LAYOUT);
export const AUDIT_RULE_DATA_SIZE = RULE_DATA.size;

/**
 * Field ids whose `values[i]` is a byte length and whose bytes come from `buf`
 * (kernel/auditfilter.c audit_data_to_entry): the LSM subject/object labels, WATCH, DIR, EXE and
 * FILTERKEY. A dialect may add its own (ghak90's AUDIT_CONTID carries 8 raw bytes).
 */
export const MAINLINE_RULE_STRING_FIELDS: ReadonlySet<number> = new Set([
  13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 105, 107, 112, 210,
]);

export interface AuditRuleData extends StructOf<typeof AUDIT_RULE_DATA_LAYOUT> {
  /**
   * `buf` split by field: entry i (for i < field_count) holds the bytes of field i when its id
   * carries a string, else `null`. Encoding writes these, in order, as `buf`.
   */
  readonly strings: readonly (Uint8Array | null)[];
  /** Bytes of `buf` after the last string (the kernel ignores them; kept for byte-exactness). */
  readonly bufRest: Uint8Array;
  /** Payload bytes after `buf` (libaudit's NLMSG_SPACE counts the alignment padding as payload). */
  readonly trailing: Uint8Array;
}

export interface RuleDataCodec extends PayloadCodec<AuditRuleData> {
  readonly stringFields: ReadonlySet<number>;
}

export function decodeRuleData(
  payload: Uint8Array,
  ctx: CodecContext,
  stringFields: ReadonlySet<number> = MAINLINE_RULE_STRING_FIELDS,
): AuditRuleData {
  const path = ctx.path === '' ? 'audit_rule_data' : `${ctx.path}.audit_rule_data`;
  const fixed = RULE_DATA.read(payload, ctx.littleEndian, ctx.base, path);
  if (fixed.field_count > AUDIT_MAX_FIELDS) {
    throw new AuditError(AuditErrorCode.BAD_COUNT, `field_count ${fixed.field_count} > AUDIT_MAX_FIELDS ${AUDIT_MAX_FIELDS}`, {
      offset: ctx.base + 8,
      path: `${path}.field_count`,
      expected: AUDIT_MAX_FIELDS,
      actual: fixed.field_count,
    });
  }
  const bufStart = AUDIT_RULE_DATA_SIZE;
  const available = payload.length - bufStart;
  if (fixed.buflen > available) {
    throw truncated('audit_rule_data.buf', ctx.base + bufStart, fixed.buflen, available, `${path}.buf`);
  }
  const strings: (Uint8Array | null)[] = [];
  let at = 0;
  for (let i = 0; i < fixed.field_count; i++) {
    if (!stringFields.has(fixed.fields[i]!)) {
      strings.push(null);
      continue;
    }
    const len = fixed.values[i]!;
    if (len > fixed.buflen - at) {
      throw new AuditError(AuditErrorCode.BAD_LENGTH, `string of field ${i} claims ${len} bytes, ${fixed.buflen - at} left in buf`, {
        offset: ctx.base + 524 + 4 * i,
        path: `${path}.values[${i}]`,
        expected: fixed.buflen - at,
        actual: len,
      });
    }
    strings.push(payload.slice(bufStart + at, bufStart + at + len));
    at += len;
  }
  return {
    ...fixed,
    strings,
    bufRest: payload.slice(bufStart + at, bufStart + fixed.buflen),
    trailing: payload.slice(bufStart + fixed.buflen),
  };
}

export function sizeRuleData(rule: AuditRuleData): number {
  let n = AUDIT_RULE_DATA_SIZE + rule.bufRest.length + rule.trailing.length;
  for (const s of rule.strings) if (s !== null) n += s.length;
  return n;
}

export function encodeRuleData(w: ByteWriter, rule: AuditRuleData): void {
  let bufBytes = rule.bufRest.length;
  for (const s of rule.strings) if (s !== null) bufBytes += s.length;
  if (bufBytes !== rule.buflen) {
    throw new AuditError(AuditErrorCode.ENCODE, `buflen ${rule.buflen} but strings and bufRest hold ${bufBytes} bytes`, {
      path: 'audit_rule_data.buflen',
      expected: bufBytes,
      actual: rule.buflen,
    });
  }
  rule.strings.forEach((s, i) => {
    if (s !== null && rule.values[i] !== s.length) {
      throw new AuditError(AuditErrorCode.ENCODE, `values[${i}] ${rule.values[i]} is not the length ${s.length} of its string`, {
        path: `audit_rule_data.values[${i}]`,
        expected: s.length,
        actual: rule.values[i] ?? -1,
      });
    }
  });
  RULE_DATA.write(w, rule);
  for (const s of rule.strings) if (s !== null) w.bytes(s);
  w.bytes(rule.bufRest);
  w.bytes(rule.trailing);
}

/** A rule-data codec whose string-carrying field ids are `stringFields` (dialects add to them). */
export function makeRuleDataCodec(stringFields: ReadonlySet<number> = MAINLINE_RULE_STRING_FIELDS): RuleDataCodec {
  return {
    kind: 'rule',
    stringFields,
    decode: (payload, ctx) => decodeRuleData(payload, ctx, stringFields),
    encode: encodeRuleData,
    size: sizeRuleData,
  };
}

export const ruleDataCodec: RuleDataCodec = makeRuleDataCodec();
