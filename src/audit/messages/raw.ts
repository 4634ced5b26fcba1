import type { ByteWriter } from '../../bytes/writer.js';
import type { CodecContext, PayloadCodec } from '../codec.js';

/** A payload this library does not understand (unknown types, deprecated structs), kept whole. */
export interface RawBody {
  readonly payload: Uint8Array;
}

/**
 * @example
 * rawCodec.decode(fromHex('0102'), ctx).payload // Uint8Array [1, 2]
 */
export function decodeRaw(payload: Uint8Array, _ctx: CodecContext): RawBody {
  return { payload: payload.slice() };
}

export const rawCodec: PayloadCodec<RawBody> = {
  kind: 'raw',
  decode: decodeRaw,
  encode: (w: ByteWriter, v: RawBody) => void w.bytes(v.payload),
  size: (v: RawBody) => v.payload.length,
};
