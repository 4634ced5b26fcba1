import type { ByteWriter } from '../../bytes/writer.js';
import { ByteReader } from '../../bytes/reader.js';
import { fieldPath, type CodecContext, type PayloadCodec } from '../codec.js';

/**
 * NLMSG_DONE (3). Audit's DONE after LIST_RULES has no payload (reference §1.6); other netlink
 * families put an `int` status there, read as `status` when at least 4 bytes are present.
 */
export interface DoneBody {
  readonly status?: number;
  readonly trailing: Uint8Array;
}

/**
 * @example
 * doneCodec.decode(new Uint8Array(0), ctx) // { trailing: <empty> }
 */
export function decodeDone(payload: Uint8Array, ctx: CodecContext): DoneBody {
  if (payload.length < 4) return { trailing: payload.slice() };
  const status = new ByteReader(payload, ctx.littleEndian, ctx.base, fieldPath(ctx, 'done')).i32('status');
  return { status, trailing: payload.slice(4) };
}

export const doneCodec: PayloadCodec<DoneBody> = {
  kind: 'done',
  decode: decodeDone,
  encode: (w: ByteWriter, v: DoneBody) => {
    if (v.status !== undefined) w.i32(v.status, 'done.status');
    w.bytes(v.trailing);
  },
  size: (v: DoneBody) => (v.status === undefined ? 0 : 4) + v.trailing.length,
};
