import { truncated } from '../../bytes/errors.js';
import { defineStruct, type StructOf } from '../../bytes/struct.js';
import type { ByteWriter } from '../../bytes/writer.js';
import { fieldPath, type CodecContext, type PayloadCodec } from '../codec.js';

/** `struct audit_features` (include/uapi/linux/audit.h, reference §3.4), 16 bytes. */
export const AUDIT_FEATURES_LAYOUT = [
  { name: 'vers', type: 'u32', doc: 'AUDIT_FEATURE_VERSION 1' },
  { name: 'mask', type: 'u32', doc: 'feature bits this request deals with' },
  { name: 'features', type: 'u32', doc: 'new values of those bits' },
  { name: 'lock', type: 'u32', doc: 'bits to lock' },
] as const;

const FEATURES = defineStruct('audit_features', AUDIT_FEATURES_LAYOUT);
export const AUDIT_FEATURES_SIZE = FEATURES.size;

/** A decoded `audit_features` with any bytes after its 16 kept in `trailing`. */
export interface AuditFeatures extends StructOf<typeof AUDIT_FEATURES_LAYOUT> {
  readonly trailing: Uint8Array;
}

/**
 * Decode `audit_features` (AUDIT_SET_FEATURE, AUDIT_GET_FEATURE and its reply).
 *
 * @example
 * decodeFeatures(fromHex('01000000 ffffffff 00000000 00000000'), ctx).mask // 0xffffffff
 */
export function decodeFeatures(payload: Uint8Array, ctx: CodecContext): AuditFeatures {
  const path = fieldPath(ctx, 'audit_features');
  if (payload.length < FEATURES.size) throw truncated('struct audit_features', ctx.base, FEATURES.size, payload.length, path);
  return { ...FEATURES.read(payload, ctx.littleEndian, ctx.base, path), trailing: payload.slice(FEATURES.size) };
}

/**
 * @example
 * encodeFeatures(w, { vers: 1, mask: 2, features: 2, lock: 0, trailing: new Uint8Array(0) })
 */
export function encodeFeatures(w: ByteWriter, v: AuditFeatures): void {
  FEATURES.write(w, v);
  w.bytes(v.trailing);
}

/**
 * @example
 * sizeFeatures(v) // 16 + v.trailing.length
 */
export function sizeFeatures(v: AuditFeatures): number {
  return FEATURES.size + v.trailing.length;
}

export const featuresCodec: PayloadCodec<AuditFeatures> = { kind: 'features', decode: decodeFeatures, encode: encodeFeatures, size: sizeFeatures };
