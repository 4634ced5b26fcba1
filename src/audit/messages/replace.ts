import { truncated } from '../../bytes/errors.js';
import { defineStruct, type StructOf } from '../../bytes/struct.js';
import type { ByteWriter } from '../../bytes/writer.js';
import { fieldPath, type CodecContext, type PayloadCodec } from '../codec.js';

/** AUDIT_REPLACE (1329): the kernel's probe to a registered daemon being replaced, a 4-byte `pid_t` (reference §1.5). */
export const AUDIT_REPLACE_LAYOUT = [{ name: 'pid', type: 'i32', doc: 'pid of the process taking over' }] as const;

const REPLACE = defineStruct('audit_replace', AUDIT_REPLACE_LAYOUT);

export interface AuditReplace extends StructOf<typeof AUDIT_REPLACE_LAYOUT> {
  readonly trailing: Uint8Array;
}

/**
 * Decode the AUDIT_REPLACE pid.
 *
 * @example
 * decodeReplace(fromHex('c7540000'), ctx).pid // 21703
 */
export function decodeReplace(payload: Uint8Array, ctx: CodecContext): AuditReplace {
  const path = fieldPath(ctx, 'audit_replace');
  if (payload.length < REPLACE.size) throw truncated('AUDIT_REPLACE pid', ctx.base, REPLACE.size, payload.length, path);
  return { ...REPLACE.read(payload, ctx.littleEndian, ctx.base, path), trailing: payload.slice(REPLACE.size) };
}

/**
 * @example
 * encodeReplace(w, { pid: 21703, trailing: new Uint8Array(0) })
 */
export function encodeReplace(w: ByteWriter, v: AuditReplace): void {
  REPLACE.write(w, v);
  w.bytes(v.trailing);
}

/**
 * @example
 * sizeReplace(v) // 4 + v.trailing.length
 */
export function sizeReplace(v: AuditReplace): number {
  return REPLACE.size + v.trailing.length;
}

export const replaceCodec: PayloadCodec<AuditReplace> = { kind: 'replace', decode: decodeReplace, encode: encodeReplace, size: sizeReplace };
