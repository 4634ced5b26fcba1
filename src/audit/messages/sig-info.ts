import { truncated } from '../../bytes/errors.js';
import { defineStruct, type StructOf } from '../../bytes/struct.js';
import type { ByteWriter } from '../../bytes/writer.js';
import { fieldPath, type CodecContext, type PayloadCodec } from '../codec.js';

/**
 * `struct audit_sig_info` (kernel-internal include/linux/audit.h, mirrored in libaudit.h;
 * reference §3.8): uid, pid, then `char ctx[]` to the end of the payload.
 */
export const AUDIT_SIG_INFO_LAYOUT = [
  { name: 'uid', type: 'u32', doc: 'loginuid (or uid) of the last signal sender, 0xffffffff if none' },
  { name: 'pid', type: 'i32', doc: 'its pid, -1 if none' },
] as const;

const SIG_INFO = defineStruct('audit_sig_info', AUDIT_SIG_INFO_LAYOUT);
export const AUDIT_SIG_INFO_SIZE = SIG_INFO.size;

/** A decoded AUDIT_SIGNAL_INFO reply; `ctx` holds the LSM context bytes exactly, NULs included. */
export interface AuditSigInfo extends StructOf<typeof AUDIT_SIG_INFO_LAYOUT> {
  readonly ctx: Uint8Array;
}

/**
 * Decode `audit_sig_info`.
 *
 * @example
 * decodeSigInfo(fromHex('e8030000 c7540000'), ctx) // { uid: 1000, pid: 21703, ctx: <empty> }
 */
export function decodeSigInfo(payload: Uint8Array, ctx: CodecContext): AuditSigInfo {
  const path = fieldPath(ctx, 'audit_sig_info');
  if (payload.length < SIG_INFO.size) throw truncated('struct audit_sig_info', ctx.base, SIG_INFO.size, payload.length, path);
  return { ...SIG_INFO.read(payload, ctx.littleEndian, ctx.base, path), ctx: payload.slice(SIG_INFO.size) };
}

/**
 * @example
 * encodeSigInfo(w, { uid: 1000, pid: 42, ctx: new Uint8Array(0) })
 */
export function encodeSigInfo(w: ByteWriter, v: AuditSigInfo): void {
  SIG_INFO.write(w, v);
  w.bytes(v.ctx);
}

/**
 * @example
 * sizeSigInfo(v) // 8 + v.ctx.length
 */
export function sizeSigInfo(v: AuditSigInfo): number {
  return SIG_INFO.size + v.ctx.length;
}

/**
 * The security context as text, trailing NULs removed (whether the LSM counts a NUL varies).
 *
 * @example
 * sigInfoContext({ uid: 0, pid: 1, ctx: new TextEncoder().encode('system_u:system_r:init_t\0') }) // 'system_u:system_r:init_t'
 */
export function sigInfoContext(v: AuditSigInfo): string {
  let end = v.ctx.length;
  while (end > 0 && v.ctx[end - 1] === 0) end--;
  return new TextDecoder().decode(v.ctx.subarray(0, end));
}

export const sigInfoCodec: PayloadCodec<AuditSigInfo> = { kind: 'sig-info', decode: decodeSigInfo, encode: encodeSigInfo, size: sizeSigInfo };
