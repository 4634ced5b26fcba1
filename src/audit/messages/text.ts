import type { ByteWriter } from '../../bytes/writer.js';
import type { CodecContext, PayloadCodec } from '../codec.js';

/**
 * A text payload: kernel records (no NUL, no padding) and user messages (libaudit sends the text
 * with its NUL, and NLMSG_SPACE padding on top). `bytes` is the payload exactly and is what gets
 * encoded; `text` is the readable view (UTF-8, trailing NULs removed). Parsing the text into
 * fields is `src/records/`' job.
 */
export interface TextBody {
  readonly bytes: Uint8Array;
  readonly text: string;
}

const utf8 = new TextDecoder();

/**
 * Length of `bytes` without its trailing NULs.
 *
 * @example
 * textEnd(Uint8Array.of(0x61, 0, 0)) // 1
 */
export function textEnd(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end;
}

/**
 * @example
 * decodeText(fromHex('6f703d7465737400'), ctx) // { text: 'op=test', bytes: <8 bytes> }
 */
export function decodeText(payload: Uint8Array, _ctx: CodecContext): TextBody {
  const bytes = payload.slice();
  return { bytes, text: utf8.decode(bytes.subarray(0, textEnd(bytes))) };
}

/**
 * A text body from a string, with `nuls` NUL bytes after it (libaudit sends one).
 *
 * @example
 * makeTextBody('op=test res=success', 1).bytes.length // 20
 */
export function makeTextBody(text: string, nuls = 0): TextBody {
  const enc = new TextEncoder().encode(text);
  const bytes = new Uint8Array(enc.length + nuls);
  bytes.set(enc);
  return { bytes, text };
}

export const textCodec: PayloadCodec<TextBody> = {
  kind: 'text',
  decode: decodeText,
  encode: (w: ByteWriter, v: TextBody) => void w.bytes(v.bytes),
  size: (v: TextBody) => v.bytes.length,
};
