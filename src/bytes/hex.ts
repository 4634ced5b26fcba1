import { AuditError, AuditErrorCode } from './errors.js';

const HEX_DIGITS = '0123456789abcdef';
const BYTE_TO_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => HEX_DIGITS[i >> 4]! + HEX_DIGITS[i & 15]!);
const BYTE_TO_HEX_UPPER: readonly string[] = BYTE_TO_HEX.map((h) => h.toUpperCase());

/** Lower-case hex of `bytes`, two digits a byte, no separators. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += BYTE_TO_HEX[bytes[i]!]!;
  return s;
}

/** Upper-case hex, as the kernel's `audit_log_n_hex` writes untrusted strings. */
export function toHexUpper(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += BYTE_TO_HEX_UPPER[bytes[i]!]!;
  return s;
}

function nibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** True if `s` is non-empty, even-length hex (either case). */
export function isHex(s: string): boolean {
  if (s.length === 0 || s.length % 2 !== 0) return false;
  for (let i = 0; i < s.length; i++) if (nibble(s.charCodeAt(i)) < 0) return false;
  return true;
}

/**
 * Bytes of a hex string. Whitespace between bytes is allowed (`"10 00 00 00"`); anything else
 * that is not a hex digit is an `AUDIT_ERR_BAD_HEX` whose offset is the character index.
 */
export function fromHex(text: string, baseOffset = 0): Uint8Array {
  const out = new Uint8Array(text.length >> 1);
  let n = 0;
  let hi = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      if (hi >= 0) throw new AuditError(AuditErrorCode.BAD_HEX, 'hex byte split by white space', { offset: baseOffset + i });
      continue;
    }
    const v = nibble(c);
    if (v < 0) throw new AuditError(AuditErrorCode.BAD_HEX, `not a hex digit: ${JSON.stringify(text[i])}`, { offset: baseOffset + i });
    if (hi < 0) hi = v;
    else {
      out[n++] = (hi << 4) | v;
      hi = -1;
    }
  }
  if (hi >= 0) throw new AuditError(AuditErrorCode.BAD_HEX, 'odd number of hex digits', { offset: baseOffset + text.length });
  return n === out.length ? out : out.slice(0, n);
}
