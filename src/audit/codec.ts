import type { ByteWriter } from '../bytes/writer.js';
import type { NlMsgHeader } from '../netlink/header.js';

/** How hard a decoder checks what it reads (docs/errors.md). */
export type Validation = 'strict' | 'lenient';

/** What a payload codec knows about the message it decodes. */
export interface CodecContext {
  readonly littleEndian: boolean;
  /** Absolute offset of the payload's first byte in the caller's input, for error offsets. */
  readonly base: number;
  /** Field path prefix, e.g. `msg[2]`. */
  readonly path: string;
  readonly header: NlMsgHeader;
  readonly validation: Validation;
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
