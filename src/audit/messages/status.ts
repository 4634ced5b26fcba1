import { AuditError, AuditErrorCode, truncated } from '../../bytes/errors.js';
import { defineStruct, type StructOf } from '../../bytes/struct.js';
import type { ByteWriter } from '../../bytes/writer.js';
import type { CodecContext, PayloadCodec } from '../codec.js';

/**
 * `struct audit_status` (include/uapi/linux/audit.h, reference §3.1). The kernel has grown it
 * twice, so the table is split where it grew: 32 bytes originally, `feature_bitmap` (the old
 * `version`) and `backlog_wait_time` at about v3.14, `backlog_wait_time_actual` at about v5.9.
 */
export const AUDIT_STATUS_V1_LAYOUT = [
  { name: 'mask', type: 'u32', doc: 'AUDIT_SET: which fields to apply (AUDIT_STATUS_*)' },
  { name: 'enabled', type: 'u32', doc: '0 off, 1 on, 2 locked' },
  { name: 'failure', type: 'u32', doc: 'AUDIT_FAIL_SILENT 0, PRINTK 1, PANIC 2' },
  { name: 'pid', type: 'u32', doc: 'pid of the audit daemon, 0 if none' },
  { name: 'rate_limit', type: 'u32', doc: 'records per second, 0 unlimited' },
  { name: 'backlog_limit', type: 'u32', doc: 'most records queued' },
  { name: 'lost', type: 'u32', doc: 'records lost' },
  { name: 'backlog', type: 'u32', doc: 'records queued now' },
] as const;

export const AUDIT_STATUS_V2_LAYOUT = [
  ...AUDIT_STATUS_V1_LAYOUT,
  { name: 'feature_bitmap', type: 'u32', doc: 'AUDIT_FEATURE_BITMAP_* (union with the old version)' },
  { name: 'backlog_wait_time', type: 'u32', doc: 'jiffies to wait on a full backlog' },
] as const;

export const AUDIT_STATUS_LAYOUT = [
  ...AUDIT_STATUS_V2_LAYOUT,
  { name: 'backlog_wait_time_actual', type: 'u32', doc: 'jiffies spent waiting on a full backlog' },
] as const;

const V1 = defineStruct('audit_status', AUDIT_STATUS_V1_LAYOUT);
const V2 = defineStruct('audit_status', AUDIT_STATUS_V2_LAYOUT);
const V3 = defineStruct('audit_status', AUDIT_STATUS_LAYOUT);

/** The three sizes kernels have sent: 32, 40 and 44 bytes. */
export const AUDIT_STATUS_SIZES = [V1.size, V2.size, V3.size] as const;

type Full = StructOf<typeof AUDIT_STATUS_LAYOUT>;
type Base = StructOf<typeof AUDIT_STATUS_V1_LAYOUT>;

/**
 * A decoded `audit_status` of any length ≥ 32: the fields the payload holds (later ones absent on
 * older kernels) and, in `trailing`, whatever follows the last field this library knows.
 */
export interface AuditStatus extends Base {
  readonly feature_bitmap?: Full['feature_bitmap'];
  readonly backlog_wait_time?: Full['backlog_wait_time'];
  readonly backlog_wait_time_actual?: Full['backlog_wait_time_actual'];
  readonly trailing: Uint8Array;
}

/**
 * Decode `payload` as `audit_status`. Shorter than 32 bytes is `AUDIT_ERR_TRUNCATED`.
 *
 * @example
 * decodeStatus(payload44, ctx).backlog_wait_time // 15000
 */
export function decodeStatus(payload: Uint8Array, ctx: CodecContext): AuditStatus {
  const n = payload.length;
  if (n < V1.size) {
    const path = ctx.path === '' ? 'audit_status' : `${ctx.path}.audit_status`;
    throw truncated('struct audit_status', ctx.base, V1.size, n, path);
  }
  const s = n >= V3.size ? V3 : n >= V2.size ? V2 : V1;
  // The struct object is binary-parser's own (fast shape, see bytes/struct.ts): `trailing` is
  // added to it rather than spreading it into a new object. Nothing after the struct (the common
  // case) shares one empty array instead of a new copy per call.
  const fixed = s.read(payload, ctx.littleEndian, ctx.base) as Record<string, unknown>;
  fixed['trailing'] = n === s.size ? EMPTY : payload.slice(s.size);
  return fixed as unknown as AuditStatus;
}

const EMPTY = new Uint8Array(0);

function versionOf(v: AuditStatus): 1 | 2 | 3 {
  const has = [v.feature_bitmap, v.backlog_wait_time, v.backlog_wait_time_actual].map((x) => x !== undefined);
  if (has[2]) {
    if (!has[0] || !has[1]) throw gap('backlog_wait_time_actual');
    return 3;
  }
  if (has[0] !== has[1]) throw gap(has[0] ? 'feature_bitmap' : 'backlog_wait_time');
  return has[0] ? 2 : 1;
}

function gap(field: string): AuditError {
  return new AuditError(AuditErrorCode.ENCODE, `audit_status.${field} is set but a field before it is missing`, { path: `audit_status.${field}` });
}

/**
 * Encoded size: 32, 40 or 44 by the fields present, plus `trailing`.
 *
 * @example
 * sizeStatus({ ...v1Fields, trailing: new Uint8Array(0) }) // 32
 */
export function sizeStatus(v: AuditStatus): number {
  return AUDIT_STATUS_SIZES[versionOf(v) - 1]! + v.trailing.length;
}

/**
 * Write `v` (fields in C order, then `trailing`); a later field without the earlier ones is `AUDIT_ERR_ENCODE`.
 *
 * @example
 * encodeStatus(new ByteWriter(true), status)
 */
export function encodeStatus(w: ByteWriter, v: AuditStatus): void {
  const version = versionOf(v);
  if (version === 3) V3.write(w, v as Full);
  else if (version === 2) V2.write(w, v as StructOf<typeof AUDIT_STATUS_V2_LAYOUT>);
  else V1.write(w, v);
  w.bytes(v.trailing);
}

export const statusCodec: PayloadCodec<AuditStatus> = { kind: 'status', decode: decodeStatus, encode: encodeStatus, size: sizeStatus };
