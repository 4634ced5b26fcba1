import { AuditError, AuditErrorCode, truncated } from '../../bytes/errors.js';
import { defineStruct } from '../../bytes/struct.js';
import type { ByteWriter } from '../../bytes/writer.js';
import { fieldPath, type CodecContext, type PayloadCodec } from '../codec.js';

/**
 * AUDIT_MAKE_EQUIV payload (kernel/audit.c, reference §3.10): `u32 sizes[2]`, then the old and
 * the new path, each without a NUL.
 */
export const AUDIT_MAKE_EQUIV_LAYOUT = [{ name: 'sizes', type: 'u32', count: 2, doc: 'byte lengths of the old and the new path' }] as const;

const SIZES = defineStruct('audit_make_equiv', AUDIT_MAKE_EQUIV_LAYOUT);

/** A decoded AUDIT_MAKE_EQUIV request: the two paths as bytes, and anything after them. */
export interface AuditMakeEquiv {
  readonly old_path: Uint8Array;
  readonly new_path: Uint8Array;
  readonly trailing: Uint8Array;
}

/**
 * Decode AUDIT_MAKE_EQUIV; `sizes` are checked against the payload before anything is copied.
 *
 * @example
 * decodeMakeEquiv(fromHex('02000000 01000000 2f61 2f'), ctx) // old_path '/a', new_path '/'
 */
export function decodeMakeEquiv(payload: Uint8Array, ctx: CodecContext): AuditMakeEquiv {
  const path = fieldPath(ctx, 'audit_make_equiv');
  if (payload.length < SIZES.size) throw truncated('AUDIT_MAKE_EQUIV sizes', ctx.base, SIZES.size, payload.length, path);
  const { sizes } = SIZES.read(payload, ctx.littleEndian, ctx.base, path);
  const [a, b] = [sizes[0]!, sizes[1]!];
  const left = payload.length - SIZES.size;
  if (a + b > left) {
    throw new AuditError(AuditErrorCode.BAD_LENGTH, `sizes ${a} + ${b} exceed the ${left} bytes after them`, {
      offset: ctx.base,
      path: `${path}.sizes`,
      expected: left,
      actual: a + b,
    });
  }
  return {
    old_path: payload.slice(8, 8 + a),
    new_path: payload.slice(8 + a, 8 + a + b),
    trailing: payload.slice(8 + a + b),
  };
}

/**
 * @example
 * encodeMakeEquiv(w, { old_path: enc('/a'), new_path: enc('/b'), trailing: new Uint8Array(0) })
 */
export function encodeMakeEquiv(w: ByteWriter, v: AuditMakeEquiv): void {
  SIZES.write(w, { sizes: [v.old_path.length, v.new_path.length] });
  w.bytes(v.old_path).bytes(v.new_path).bytes(v.trailing);
}

/**
 * @example
 * sizeMakeEquiv(v) // 8 + both paths + trailing
 */
export function sizeMakeEquiv(v: AuditMakeEquiv): number {
  return SIZES.size + v.old_path.length + v.new_path.length + v.trailing.length;
}

export const makeEquivCodec: PayloadCodec<AuditMakeEquiv> = { kind: 'make-equiv', decode: decodeMakeEquiv, encode: encodeMakeEquiv, size: sizeMakeEquiv };
