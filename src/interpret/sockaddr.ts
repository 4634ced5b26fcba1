import { SOCKET_FAMILIES } from './flags.js';

/**
 * SOCKADDR `saddr=` (reference §4.3: always hex, host-order family then network-order port and
 * address), printed like libauparse 3.0.9's `print_sockaddr`: `{ saddr_fam=inet laddr=1.2.3.4
 * lport=80 }`, `{ saddr_fam=local path=/run/x }`, `{ saddr_fam=netlink nlnk-fam=16 nlnk-pid=0 }`,
 * `{ saddr_fam=packet (unsupported) }` for other named families and `unknown-family(N)` otherwise.
 *
 * @example printSockaddr('02000050A9FEA9FE0000000000000000', true) // → '{ saddr_fam=inet laddr=169.254.169.254 lport=80 }'
 */
export function printSockaddr(raw: string, littleEndian = true): string {
  if (raw.length < 4 || !/^[0-9A-Fa-f]+$/.test(raw)) return `malformed-host(${raw})`;
  const b = new Uint8Array(raw.length >> 1);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(raw.slice(2 * i, 2 * i + 2), 16);
  const fam = littleEndian ? b[0]! | (b[1]! << 8) : (b[0]! << 8) | b[1]!;
  const name = SOCKET_FAMILIES.get(fam);
  if (name === undefined) return `unknown-family(${fam})`;
  switch (fam) {
    case 1: {
      const abstract = b[2] === 0;
      const start = abstract ? 3 : 2;
      let end = start;
      while (end < b.length && b[end] !== 0 && end < start + (abstract ? 107 : 108)) end++;
      return `{ saddr_fam=local path=${new TextDecoder().decode(b.subarray(start, end))} }`;
    }
    case 2:
      if (b.length < 16) return `{ saddr_fam=inet sockaddr len too short }`;
      return `{ saddr_fam=inet laddr=${b[4]}.${b[5]}.${b[6]}.${b[7]} lport=${(b[2]! << 8) | b[3]!} }`;
    case 10:
      if (b.length < 28) return `{ saddr_fam=inet6 sockaddr6 len too short }`;
      return `{ saddr_fam=inet6 laddr=${ipv6(b.subarray(8, 24))} lport=${(b[2]! << 8) | b[3]!} }`;
    case 16: {
      if (b.length < 12) return `{ saddr_fam=netlink (unsupported) }`;
      const pid = littleEndian ? (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0 : ((b[4]! << 24) | (b[5]! << 16) | (b[6]! << 8) | b[7]!) >>> 0;
      return `{ saddr_fam=netlink nlnk-fam=${fam} nlnk-pid=${pid} }`;
    }
    case 3:
      return `{ saddr_fam=ax25 call=${latin1(b.subarray(2, 9))} }`;
    case 8:
      return `{ saddr_fam=atmpvc int=${b[4]! | (b[5]! << 8)} }`;
    case 9:
      return `{ saddr_fam=x25 laddr=${latin1(b.subarray(2, 17), true)} }`;
    default:
      return `{ saddr_fam=${name} (unsupported) }`;
  }
}

/**
 * RFC 5952 text of 16 bytes (what getnameinfo(NI_NUMERICHOST) prints), with IPv4-mapped tails.
 *
 * @example ipv6(new Uint8Array(16)) // → '::'
 */
export function ipv6(a: Uint8Array): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((a[i]! << 8) | a[i + 1]!);
  const mapped = words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff;
  if (mapped) return `::ffff:${a[12]}.${a[13]}.${a[14]}.${a[15]}`;
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // glibc's inet_ntop writes an IPv4-compatible tail when exactly the first six words are zero.
  if (bestStart === 0 && bestLen === 6) return `::${a[12]}.${a[13]}.${a[14]}.${a[15]}`;
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function latin1(bytes: Uint8Array, stopAtNul = false): string {
  let s = '';
  for (const c of bytes) {
    if (stopAtNul && c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}
