import { AuditError, AuditErrorCode, truncated } from '../../bytes/errors.js';
import { ByteReader } from '../../bytes/reader.js';
import type { PayloadCodec } from '../codec.js';
import { decodeBits, type BitTable, type DecodedBits } from '../../netlink/bits.js';
import type { Dialect, StatusFieldDef } from './model.js';

/** The original `audit_status` is 32 bytes; anything shorter is not a status (reference §3.1). */
export const AUDIT_STATUS_MIN_SIZE = 32;

/**
 * `struct audit_status` read through a dialect's field table: each u32 the payload holds under
 * its C name (as the core's status codec does), and whatever follows the last whole known field.
 */
export interface DialectStatus {
  readonly trailing: Uint8Array;
  readonly [field: string]: number | Uint8Array | undefined;
}

export interface StatusCodec extends PayloadCodec<DialectStatus> {
  readonly fields: readonly StatusFieldDef[];
}

/**
 * A status codec (kind `status`) for a field table. A reply is as long as the running kernel's
 * struct, so fields past the payload are absent rather than zero, and bytes past the table go to
 * `trailing`.
 *
 * @example makeStatusCodec(GHAK90_V8_STATUS_FIELDS_ALL).decode(payload48, ctx).contid_netns_limit // 3
 */
export function makeStatusCodec(fields: readonly StatusFieldDef[]): StatusCodec {
  const sorted = [...fields].sort((a, b) => a.offset - b.offset);
  sorted.forEach((f, i) => {
    if (f.offset !== 4 * i) {
      throw new AuditError(AuditErrorCode.BAD_VALUE, `status field ${f.name} at ${f.offset}: fields must be consecutive u32s from 0`, {
        path: `statusFields[${i}]`,
      });
    }
  });
  const present = (body: DialectStatus): StatusFieldDef[] => {
    const out: StatusFieldDef[] = [];
    for (const f of sorted) {
      const v = body[f.name];
      if (v === undefined) break;
      if (typeof v !== 'number') throw new AuditError(AuditErrorCode.ENCODE, `audit_status.${f.name} must be a number`, { path: `audit_status.${f.name}` });
      out.push(f);
    }
    for (const k of Object.keys(body)) {
      if (k !== 'trailing' && body[k] !== undefined && !out.some((f) => f.name === k)) {
        const known = sorted.some((f) => f.name === k);
        const why = known ? 'is set but a field before it is missing' : 'is not a field of this dialect';
        throw new AuditError(AuditErrorCode.ENCODE, `audit_status.${k} ${why}`, { path: `audit_status.${k}` });
      }
    }
    return out;
  };
  return {
    kind: 'status',
    fields: sorted,
    decode(payload, ctx) {
      const path = ctx.path === '' ? 'audit_status' : `${ctx.path}.audit_status`;
      if (payload.length < AUDIT_STATUS_MIN_SIZE) {
        throw truncated('struct audit_status', ctx.base, AUDIT_STATUS_MIN_SIZE, payload.length, path);
      }
      const r = new ByteReader(payload, ctx.littleEndian, ctx.base, path);
      const values: Record<string, number> = {};
      for (const f of sorted) {
        if (r.remaining < 4) break;
        values[f.name] = r.u32(f.name);
      }
      return { ...values, trailing: r.rest().slice() };
    },
    encode(w, body) {
      for (const f of present(body)) w.u32(body[f.name] as number, `audit_status.${f.name}`);
      w.bytes(body.trailing);
    },
    size: (body) => 4 * present(body).length + body.trailing.length,
  };
}

/**
 * `audit_status.mask` as `AUDIT_STATUS_*` names under a dialect: 0x80 is BACKLOG_WAIT_TIME_ACTUAL
 * on mainline and CONTID_DEPTH_LIMIT on ghak90-v8.
 *
 * @example dialectStatusMask(getDialect('ghak90-v8'), 0x180).names // ['CONTID_DEPTH_LIMIT', 'CONTID_NETNS_LIMIT']
 */
export function dialectStatusMask(dialect: Dialect, mask: number): DecodedBits {
  const table: [number, string][] = [];
  for (const f of dialect.statusFields) if (f.maskBit !== undefined) table.push([f.maskBit, f.name.toUpperCase()]);
  return decodeBits(mask, table.sort((a, b) => a[0] - b[0]));
}

/**
 * `audit_status.feature_bitmap` as `AUDIT_FEATURE_BITMAP_*` names under a dialect.
 *
 * @example dialectFeatureBitmap(getDialect('ghak90-v11'), 0xff).names.at(-1) // 'CONTAINERID'
 */
export function dialectFeatureBitmap(dialect: Dialect, bitmap: number): DecodedBits {
  const table: BitTable = [...dialect.featureBits.values()].map((b) => [b.bit, b.name] as const);
  return decodeBits(bitmap, table);
}
