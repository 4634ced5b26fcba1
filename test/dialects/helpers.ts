import { expect } from 'vitest';
import type { CodecContext, PayloadCodec } from '../../src/audit/codec.js';
import { ByteWriter } from '../../src/bytes/writer.js';

export function ctx(littleEndian: boolean, validation: 'strict' | 'lenient' = 'strict', base = 0): CodecContext {
  return { littleEndian, base, path: '', validation, header: { nlmsg_len: 0, nlmsg_type: 0, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 } };
}

export function encode<T>(codec: PayloadCodec<T>, body: T, littleEndian: boolean): Uint8Array {
  const w = new ByteWriter(littleEndian);
  codec.encode(w, body);
  const out = w.finish();
  expect(out.length).toBe(codec.size(body));
  return out;
}

/** decode(bytes) re-encodes to the same bytes, and decoding what was encoded gives the same body. */
export function roundTripBytes<T>(codec: PayloadCodec<T>, bytes: Uint8Array, c: CodecContext): T {
  const body = codec.decode(bytes, c);
  const again = encode(codec, body, c.littleEndian);
  expect(again).toEqual(bytes);
  expect(codec.decode(again, c)).toEqual(body);
  return body;
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const ENDIAN = [true, false] as const;
