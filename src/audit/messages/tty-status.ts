import { truncated } from '../../bytes/errors.js';
import { ByteReader } from '../../bytes/reader.js';
import { defineStruct } from '../../bytes/struct.js';
import type { ByteWriter } from '../../bytes/writer.js';
import { fieldPath, type CodecContext, type PayloadCodec } from '../codec.js';

/** `struct audit_tty_status` (include/uapi/linux/audit.h, reference §3.9), 8 bytes. */
export const AUDIT_TTY_STATUS_LAYOUT = [
  { name: 'enabled', type: 'u32', doc: '1 = TTY input auditing on for the calling process' },
  { name: 'log_passwd', type: 'u32', doc: '1 = log passwords too' },
] as const;

const TTY = defineStruct('audit_tty_status', AUDIT_TTY_STATUS_LAYOUT);
export const AUDIT_TTY_STATUS_SIZE = TTY.size;

/**
 * A decoded `audit_tty_status`. The kernel copies `min(8, len)` bytes on AUDIT_TTY_SET, so the old
 * 4-byte form (only `enabled`) is valid; then `log_passwd` is absent.
 */
export interface AuditTtyStatus {
  readonly enabled: number;
  readonly log_passwd?: number;
  readonly trailing: Uint8Array;
}

/**
 * Decode `audit_tty_status` (8 bytes, or the 4-byte form).
 *
 * @example
 * decodeTtyStatus(fromHex('01000000'), ctx) // { enabled: 1, trailing: <empty> }
 */
export function decodeTtyStatus(payload: Uint8Array, ctx: CodecContext): AuditTtyStatus {
  const path = fieldPath(ctx, 'audit_tty_status');
  if (payload.length >= TTY.size) return { ...TTY.read(payload, ctx.littleEndian, ctx.base, path), trailing: payload.slice(TTY.size) };
  if (payload.length < 4) throw truncated('struct audit_tty_status', ctx.base, 4, payload.length, path);
  const enabled = new ByteReader(payload, ctx.littleEndian, ctx.base, path).u32('enabled');
  return { enabled, trailing: payload.slice(4) };
}

/**
 * @example
 * encodeTtyStatus(w, { enabled: 1, log_passwd: 0, trailing: new Uint8Array(0) })
 */
export function encodeTtyStatus(w: ByteWriter, v: AuditTtyStatus): void {
  if (v.log_passwd === undefined) w.u32(v.enabled, 'audit_tty_status.enabled');
  else TTY.write(w, { enabled: v.enabled, log_passwd: v.log_passwd });
  w.bytes(v.trailing);
}

/**
 * @example
 * sizeTtyStatus({ enabled: 1, trailing: new Uint8Array(0) }) // 4
 */
export function sizeTtyStatus(v: AuditTtyStatus): number {
  return (v.log_passwd === undefined ? 4 : TTY.size) + v.trailing.length;
}

export const ttyStatusCodec: PayloadCodec<AuditTtyStatus> = { kind: 'tty-status', decode: decodeTtyStatus, encode: encodeTtyStatus, size: sizeTtyStatus };
