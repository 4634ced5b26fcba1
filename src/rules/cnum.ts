/**
 * C's `strtol(s, NULL, 0)` / `strtoul(s, NULL, 0)` on an LP64 host, stored into a `__u32` the way
 * libaudit stores rule values. libaudit never checks that the whole token was a number, so
 * `12abc` is 12 and `0x` is 0: these helpers keep that, because the bytes must match.
 */

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const ULONG_MAX = (1n << 64n) - 1n;

function digitValue(c: string): number {
  const d = parseInt(c, 36);
  return Number.isNaN(d) ? 99 : d;
}

/** The sign and magnitude `strto*` reads from the start of `s` (base 0: `0x` hex, `0` octal). */
function scan(s: string): { negative: boolean; magnitude: bigint } {
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s[i + 2] ?? '') < 16) {
    base = 16;
    i += 2;
  } else if (s[i] === '0') base = 8;
  let magnitude = 0n;
  for (; i < s.length; i++) {
    const d = digitValue(s[i]!);
    if (d >= base) break;
    magnitude = magnitude * BigInt(base) + BigInt(d);
    if (magnitude > ULONG_MAX + 1n) magnitude = ULONG_MAX + 1n; // saturated; the exact value no longer matters
  }
  return { negative, magnitude };
}

function toU32(v: bigint): number {
  return Number(BigInt.asUintN(32, v));
}

/** `(__u32)strtoul(s, NULL, 0)`. */
export function strtoulU32(s: string): number {
  const { negative, magnitude } = scan(s);
  if (magnitude > ULONG_MAX) return toU32(ULONG_MAX);
  return toU32(negative ? -magnitude : magnitude);
}

/** `(__u32)strtol(s, NULL, 0)`. */
export function strtolU32(s: string): number {
  const { negative, magnitude } = scan(s);
  const v = negative ? -magnitude : magnitude;
  if (v > LONG_MAX) return toU32(LONG_MAX);
  if (v < LONG_MIN) return toU32(LONG_MIN);
  return toU32(v);
}

/** C `isdigit` on the first character. */
export function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/** libaudit's "-digit" test: at least two characters, a minus, then a digit. */
export function isNegativeNumber(s: string): boolean {
  return s.length >= 2 && s[0] === '-' && startsWithDigit(s.slice(1));
}
