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
  return upperHexToText(hex) ?? utf8.decode(fromHex(hex));
}

/** Nibble values of `0-9A-F` (-1 for any other code unit below 128). */
const NIBBLE = new Int8Array(128).fill(-1);
for (let c = 0x30; c <= 0x39; c++) NIBBLE[c] = c - 0x30;
for (let c = 0x41; c <= 0x46; c++) NIBBLE[c] = c - 0x37;

/** Values up to this many hex digits are built as a string directly when ASCII; longer ones go through TextDecoder. */
const SHORT_HEX = 64;

/**
 * The text of a value the kernel wrote as upper-case hex (`isUpperHex`), or `null` if `s` is not
 * upper-case hex. One pass checks and decodes: a short ASCII value (a name, a comm) is built as a
 * string directly, anything else is read as UTF-8 (invalid sequences become U+FFFD), exactly as
 * `hexToText`.
 *
 * @example upperHexToText('2F746D70') // → '/tmp'; upperHexToText('c000003e') // → null
 */
export function upperHexToText(s: string): string | null {
  const len = s.length;
  if (len === 0 || (len & 1) !== 0) return null;
  if (len <= SHORT_HEX) {
    let text = '';
    for (let i = 0; i < len; i += 2) {
      const a = s.charCodeAt(i);
      const b = s.charCodeAt(i + 1);
      const hi = a < 128 ? NIBBLE[a]! : -1;
      const lo = b < 128 ? NIBBLE[b]! : -1;
      if ((hi | lo) < 0) return null;
      const v = (hi << 4) | lo;
      if (v >= 0x80) return upperHexBytesToText(s);
      text += String.fromCharCode(v);
    }
    return text;
  }
  return upperHexBytesToText(s);
}

function upperHexBytesToText(s: string): string | null {
  const len = s.length;
  const out = new Uint8Array(len >> 1);
  for (let i = 0, j = 0; i < len; i += 2, j++) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    const hi = a < 128 ? NIBBLE[a]! : -1;
    const lo = b < 128 ? NIBBLE[b]! : -1;
    if ((hi | lo) < 0) return null;
    out[j] = (hi << 4) | lo;
  }
  return utf8.decode(out);
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
