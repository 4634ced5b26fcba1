import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/node/text.js';

const reference = new TextDecoder('utf-8');

describe('decodeUtf8', () => {
  test.prop([fc.uint8Array({ maxLength: 300 }), fc.nat(20), fc.nat(20)], { numRuns: 300 })('is TextDecoder for any bytes, at any offset into their buffer', (bytes, head, tail) => {
    const host = new Uint8Array(head + bytes.length + tail).fill(0xff);
    host.set(bytes, head);
    const view = host.subarray(head, head + bytes.length);
    expect(decodeUtf8(view)).toBe(reference.decode(view));
  });

  it('ASCII, multi-byte and invalid sequences', () => {
    for (const s of ['type=CWD msg=audit(1.000:1): cwd="/"', 'cwd="/é€😀"']) expect(decodeUtf8(new TextEncoder().encode(s))).toBe(s);
    expect(decodeUtf8(Uint8Array.of(0x61, 0xc3, 0x62))).toBe('a\ufffdb');
  });
});
