import { fromHex } from '../bytes/hex.js';

const utf8 = new TextDecoder('utf-8');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');
const encoder = new TextEncoder();

/**
 * True if `s` is non-empty, even-length hex written with digits and upper-case letters only.
 *
 * @example isUpperHex('2F74') // → true; isUpperHex('c000003e') // → false
 */
export function isUpperHex(s: string): boolean {
  if (s.length === 0 || (s.length & 1) !== 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46))) return false;
  }
  return true;
}

/**
 * A hex-encoded string's bytes read as UTF-8 (invalid sequences become U+FFFD).
 *
 * @example hexToText('2F746D70') // → '/tmp'
 */
export function hexToText(hex: string): string {
  return utf8.decode(fromHex(hex));
}

/**
 * Text of a payload. Kernel records are ASCII; bytes that are not valid UTF-8 (an LSM label, a
 * sender's free text) are read as Latin-1 so that every byte maps to one character and back.
 *
 * @example payloadText(new Uint8Array([0x61, 0x3d, 0x62, 0])) // → 'a=b'
 */
export function payloadText(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const view = bytes.subarray(0, end);
  try {
    return utf8Strict.decode(view);
  } catch {
    return latin1.decode(view);
  }
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}
