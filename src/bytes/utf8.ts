const encoder = new TextEncoder();

/**
 * UTF-8 bytes of `s`, as `new TextEncoder().encode(s)` gives them (lone surrogates become
 * U+FFFD). ASCII strings, the usual case (rule keys, paths, field values), are copied code unit by
 * code unit, which for short strings is several times cheaper than a call into the encoder.
 *
 * @example utf8Encode('key') // Uint8Array [0x6b, 0x65, 0x79]
 */
export function utf8Encode(s: string): Uint8Array<ArrayBuffer> {
  const n = s.length;
  if (n > 256) return encoder.encode(s);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return encoder.encode(s);
    out[i] = c;
  }
  return out;
}

/**
 * Length in bytes of `s` encoded as UTF-8 (lone surrogates count as U+FFFD, 3 bytes), without
 * encoding it.
 *
 * @example utf8Length('é') // 2
 */
export function utf8Length(s: string): number {
  const n = s.length;
  let len = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) len += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      len += 2; // a pair: 2 code units, 4 bytes
      i++;
    } else len += 2;
  }
  return len;
}

