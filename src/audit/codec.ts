import type { ByteWriter } from '../bytes/writer.js';
import type { NlMsgHeader } from '../netlink/header.js';
import type { Validation } from '../netlink/issues.js';

export type { Validation } from '../netlink/issues.js';

/** Who sent a message: user space to the kernel (requests) or the kernel to user space. */
export type MessageDirection = 'to-kernel' | 'from-kernel';

/** What a payload codec knows about the message it decodes. */
export interface CodecContext {
  readonly littleEndian: boolean;
  /** Absolute offset of the payload's first byte in the caller's input, for error offsets. */
  readonly base: number;
  /** Field path prefix, e.g. `msg[2]`. */
  readonly path: string;
  readonly header: NlMsgHeader;
  readonly validation: Validation;
  /** Set by the datagram decoder; absent when a codec is called on its own. */
  readonly direction?: MessageDirection;
}

/**
 * One message family's payload codec: the `decode`/`encode`/`size` triple. `decode` gets exactly
 * the payload bytes (after the 16-byte header, before the alignment padding) and must keep
 * whatever it does not understand so that `encode` gives the same bytes back.
 */
export interface PayloadCodec<T> {
  /** Discriminant of the decoded message union (`status`, `rule`, `text`, ...). */
  readonly kind: string;
  decode(payload: Uint8Array, ctx: CodecContext): T;
  encode(w: ByteWriter, body: T): void;
  size(body: T): number;
}

/** `msg[2].audit_status` from a context and a C struct name. */
export function fieldPath(ctx: CodecContext, name: string): string {
  return ctx.path === '' ? name : `${ctx.path}.${name}`;
}
