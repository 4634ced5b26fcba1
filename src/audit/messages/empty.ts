import type { ByteWriter } from '../../bytes/writer.js';
import type { CodecContext, PayloadCodec } from '../codec.js';

/**
 * Requests whose payload the kernel ignores (AUDIT_GET, LIST_RULES, TRIM, SIGNAL_INFO, TTY_GET,
 * ...). libaudit sometimes sends bytes anyway (NLMSG_SPACE padding, a zeroed struct), so they
 * are kept in `trailing`, never refused.
 */
export interface EmptyBody {
  readonly trailing: Uint8Array;
}

/**
 * @example
 * emptyCodec.decode(new Uint8Array(0), ctx) // { trailing: <empty> }
 */
export function decodeEmpty(payload: Uint8Array, _ctx: CodecContext): EmptyBody {
  return { trailing: payload.slice() };
}

export const emptyCodec: PayloadCodec<EmptyBody> = {
  kind: 'empty',
  decode: decodeEmpty,
  encode: (w: ByteWriter, v: EmptyBody) => void w.bytes(v.trailing),
  size: (v: EmptyBody) => v.trailing.length,
};
