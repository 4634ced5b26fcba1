import { ERRNO_NAMES } from '../tables/errno.js';
import { hexToText, isUpperHex } from '../records/text.js';
import {
  CAPABILITIES, CLONE_FLAGS, FANOTIFY_RESPONSES, FILTER_LISTS, flagNames, IP_PROTOCOLS, MMAP_FLAGS, NETLINK_MCGROUPS,
  NFPROTO, OPEN_FLAGS, PERSONALITIES, RESOLVE_FLAGS, SECCOMP_ACTIONS, SIGNALS, TTY_NAMED_KEYS,
} from './flags.js';
import { initialNamespaceName, NS_KINDS } from '../audit/dialects/ns-inodes.js';
import { ICMP_TYPES, IOCTL_REQUESTS, NETFILTER_ACTIONS, NETFILTER_HOOKS, PATH_FLAGS } from './arg-tables.js';
import { STRERROR } from './strerror.js';

/**
 * One printer per field kind, each a pure function of the raw value text, written to give what
 * libauparse 3.0.9's `print_*` functions give (`auparse/interpret.c`). Numbers are read as C's
 * strtoul would: leading digits in the given base, the rest ignored.
 */

const U64_MAX = 0xffffffffffffffffn;

/** Leading digits of `s` in `base` as a bigint (strtoull, saturating at 2^64-1), or undefined if there are none. */
export function leadingNumber(s: string, base: 8 | 10 | 16): bigint | undefined {
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 0x2d) {
    neg = true;
    i = 1;
  }
  if (base === 16 && (s.startsWith('0x', i) || s.startsWith('0X', i))) i += 2;
  let v = 0n;
  const start = i;
  const b = BigInt(base);
  let saturated = false;
  for (; i < s.length; i++) {
    const d = digit(s.charCodeAt(i));
    if (d < 0 || d >= base) break;
    // Like strtoull: past 2^64-1 the value stays ULLONG_MAX, so a long run of digits from the
    // wire costs linear time instead of growing a bigint digit by digit.
    if (saturated) continue;
    v = v * b + BigInt(d);
    if (v > U64_MAX) {
      v = U64_MAX;
      saturated = true;
    }
  }
  if (i === start) return undefined;
  if (saturated) return U64_MAX;
  return neg ? -v : v;
}

function digit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** `num` as an unsigned 32-bit number (C's `unsigned int` from strtoul). */
export function u32(raw: string, base: 8 | 10 | 16): number {
  const v = leadingNumber(raw, base) ?? 0n;
  return Number(BigInt.asUintN(32, v));
}

/** `(null)`-style quoting rules shared by every string field: quoted → inside, hex → text. */
export function printEscaped(raw: string): string {
  if (raw.charCodeAt(0) === 0x22) {
    const close = raw.indexOf('"', 1);
    return close < 0 ? raw.slice(1) : raw.slice(1, close);
  }
  if (isUpperHex(raw) || (raw.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(raw))) {
    const text = hexToText(raw);
    const nul = text.indexOf('\0');
    return nul < 0 ? text : text.slice(0, nul);
  }
  return raw;
}

/** `exit=`: a negative value becomes `ENOENT(No such file or directory)`. */
export function printExit(raw: string): string {
  const v = leadingNumber(raw, 10);
  if (v === undefined || v >= 0n) return raw;
  // As libauparse: C's "%s(%s)" of the errno name (NULL → "(null)") and strerror().
  const n = Number(-v);
  return `${ERRNO_NAMES.get(n) ?? '(null)'}(${STRERROR.get(n) ?? `Unknown error ${n}`})`;
}

/** Names of a `mode=` file type (S_IFMT bits, octal). */
const FILE_TYPES: ReadonlyMap<number, string> = new Map([
  [0o140000, 'socket'], [0o120000, 'link'], [0o100000, 'file'], [0o060000, 'block'], [0o040000, 'dir'],
  [0o020000, 'character'], [0o010000, 'fifo'],
]);

function oct3(n: number): string {
  return n.toString(8).padStart(3, '0');
}

/** `mode=0100755` → `file,755`; set-id and sticky bits are named. */
export function printMode(raw: string, base: 8 | 16): string {
  const m = u32(raw, base);
  const t = m & 0o170000;
  let out = FILE_TYPES.get(t) ?? oct3(t >> 12);
  if (m & 0o4000) out += ',suid';
  if (m & 0o2000) out += ',sgid';
  if (m & 0o1000) out += ',sticky';
  return `${out},${oct3(m & 0o777)}`;
}

/** Permission bits only: `0640`, prefixed by `suid,` / `sgid,` / `sticky,`. */
export function printModeShort(raw: string, base: 8 | 16): string {
  const m = u32(raw, base);
  let out = '';
  if (m & 0o4000) out += 'suid,';
  if (m & 0o2000) out += 'sgid,';
  if (m & 0o1000) out += 'sticky,';
  return `${out}0${oct3(m & 0o777)}`;
}

/** `perm=` of a watch: AUDIT_PERM_* bits (read 4, write 2, exec 1, attr 8). */
export function printPerm(raw: string): string {
  // libauparse reads 0 (a watch logged without -p) as every permission.
  const p = u32(raw, 10) || 0xf;
  const names: string[] = [];
  if (p & 4) names.push('read');
  if (p & 2) names.push('write');
  if (p & 1) names.push('exec');
  if (p & 8) names.push('attr');
  return names.join(',');
}

const capBitmapCache = new Map<string, string>([['0', 'none'], ['0000000000000000', 'none']]);
const CAP_BITMAP_CACHE_MAX = 256;

/**
 * A capability set (`cap_pe=000001fffeffdfff`) as comma-separated names, `none` when empty. The
 * few sets a system logs over and over (empty, full, the usual daemons') are cached.
 */
export function printCapBitmap(raw: string): string {
  const hit = capBitmapCache.get(raw);
  if (hit !== undefined) return hit;
  const v = leadingNumber(raw, 16) ?? 0n;
  let out = '';
  // 32 bits at a time as numbers: no bigint shift per capability.
  const lo = Number(BigInt.asUintN(32, v));
  const hi = Number(BigInt.asUintN(32, v >> 32n));
  for (let i = 0; i < CAPABILITIES.length; i++) {
    const set = i < 32 ? (lo >>> i) & 1 : (hi >>> (i - 32)) & 1;
    if (set) out += out === '' ? CAPABILITIES[i]! : `,${CAPABILITIES[i]!}`;
  }
  if (out === '') out = 'none';
  if (capBitmapCache.size < CAP_BITMAP_CACHE_MAX) capBitmapCache.set(raw, out);
  return out;
}

/** One capability number. */
export function printCapability(raw: string, base: 10 | 16): string {
  const n = u32(raw, base);
  return CAPABILITIES[n] ?? `unknown-capability(${base === 16 ? '0x' : ''}${raw})`;
}

/** `sig=11` → `SIGSEGV`. */
export function printSignal(raw: string, base: 10 | 16): string {
  const n = u32(raw, base);
  const s = n < 32 ? SIGNALS[n] : undefined;
  return s ?? `unknown-signal(${base === 16 ? '0x' : ''}${raw})`;
}

/** `res=1` → `yes`, `0` → `no`, other numbers `unset`; words pass through. */
export function printSuccess(raw: string): string {
  const c = raw.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return raw;
  const n = u32(raw, 10);
  return n === 1 ? 'yes' : n === 0 ? 'no' : 'unset';
}

/** Flags printed as `A|B`, with a fallback of `0x<raw>` when no known bit is set. */
export function printFlags(raw: string, table: readonly (readonly [number, string])[]): string {
  const names = flagNames(u32(raw, 16), table);
  return names.length === 0 ? `0x${raw}` : names.join('|');
}

/** open(2) flags, `O_RDONLY` when the access mode is 0. */
export function printOpenFlags(raw: string): string {
  const v = u32(raw, 16);
  const names = (v & 3) === 0 ? ['O_RDONLY'] : [];
  names.push(...flagNames(v, OPEN_FLAGS));
  return names.join('|');
}

/** mmap(2) flags, `MAP_FILE` when the type bits are 0. */
export function printMmapFlags(raw: string): string {
  const v = u32(raw, 16);
  const names = (v & 0x0f) === 0 ? ['MAP_FILE'] : [];
  names.push(...flagNames(v, MMAP_FLAGS));
  return names.length === 0 ? `0x${raw}` : names.join('|');
}

/** clone/unshare/setns flags; the low byte of clone's flags is the exit signal. */
export function printCloneFlags(raw: string): string {
  const v = u32(raw, 16);
  const names = flagNames(v, CLONE_FLAGS);
  const sig = v & 0xff;
  if (sig !== 0 && sig < 32) names.push(SIGNALS[sig]!);
  return names.length === 0 ? `0x${v.toString(16)}` : names.join('|');
}

/** openat2 `resolve=` flags. */
export function printResolve(raw: string): string {
  return printFlags(raw, RESOLVE_FLAGS);
}

/** A name from a table of small numbers, or `unknown-<what>(<raw>)`. */
export function printNamed(raw: string, base: 10 | 16, table: ReadonlyMap<number, string>, what: string): string {
  return table.get(u32(raw, base)) ?? `unknown-${what}(${raw})`;
}

export const printList = (raw: string): string => printNamed(raw, 10, FILTER_LISTS, 'list');
export const printNfproto = (raw: string): string => printNamed(raw, 10, NFPROTO, 'netfilter-protocol');
export const printFanotify = (raw: string): string => printNamed(raw, 10, FANOTIFY_RESPONSES, 'fanotify');
export const printNlMcgrp = (raw: string): string => printNamed(raw, 10, NETLINK_MCGROUPS, 'nl-mcgrp');

/** `proto=17` → `udp`. */
export function printProtocol(raw: string): string {
  return IP_PROTOCOLS.get(u32(raw, 10)) ?? 'undefined protocol';
}

/** `prom=256` → `yes`. */
export function printPromisc(raw: string): string {
  return (leadingNumber(raw, 10) ?? 0n) === 0n ? 'no' : 'yes';
}

/** `ses=4294967295` → `unset`. */
export function printSession(raw: string): string {
  return raw === '4294967295' ? 'unset' : raw;
}

/** seccomp `code=0x7ffc0000` → `log`. */
export function printSeccomp(raw: string): string {
  const v = u32(raw, 16);
  return SECCOMP_ACTIONS.get((v & 0x7fff0000) >>> 0) ?? `unknown-seccomp-code(${raw})`;
}

/**
 * The personalities libauparse 3.0.9 can name: it looks up only the low byte of the value, so
 * only the entries of persontab.h without flag bits ever match (PER_SVR4 and friends never do).
 */
const PERSONALITY_BY_LOW_BYTE: ReadonlyMap<number, string> = new Map([...PERSONALITIES].filter(([v]) => v <= 0xff));

/** Personality `per=` (hex). */
export function printPersonality(raw: string): string {
  const v = u32(raw, 16);
  const s = PERSONALITY_BY_LOW_BYTE.get(v & ~0x0040000 & 0xff);
  if (s === undefined) return `unknown-personality(0x${raw})`;
  return v & 0x0040000 ? `${s}|~ADDR_NO_RANDOMIZE` : s;
}

/** Ethernet `macproto=` (hex). */
export function printMacproto(raw: string): string {
  const v = u32(raw, 16);
  return v === 0x0800 ? 'IP' : v === 0x0806 ? 'ARP' : 'UNKNOWN';
}

/** PROCTITLE: the command line with its NUL separators shown as spaces. */
export function printProctitle(raw: string): string {
  if (raw.charCodeAt(0) === 0x22) return printEscaped(raw);
  if (!isUpperHex(raw)) return raw;
  return hexToText(raw).replaceAll('\0', ' ');
}

/** TTY `data=`: printable runs quoted, control sequences named (`"ls",<ret>`). */
export function printTtyData(raw: string): string {
  if (!/^[0-9a-fA-F]*$/.test(raw)) return raw;
  const bytes: number[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) bytes.push(parseInt(raw.slice(i, i + 2), 16));
  let out = '';
  let inPrintable = false;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const key = b >= 0x20 && (b < 0x7f || b >= 0xa0) ? undefined : namedKey(bytes, i);
    if (key !== undefined) {
      if (inPrintable) {
        out += '"';
        inPrintable = false;
      }
      if (out !== '') out += ',';
      out += `<${key[1]}>`;
      i += key[0].length;
      continue;
    }
    if (!inPrintable) {
      if (out !== '') out += ',';
      out += '"';
      inPrintable = true;
    }
    if (b < 0x20 || b > 0x7e) out += `\\${((b >> 6) & 7).toString()}${((b >> 3) & 7).toString()}${(b & 7).toString()}`;
    else out += (b === 0x5c || b === 0x22 ? '\\' : '') + String.fromCharCode(b);
    i++;
  }
  return inPrintable ? `${out}"` : out;
}

/** TTY_NAMED_KEYS grouped by first byte, in table order (first match wins within a group too). */
const KEYS_BY_FIRST_BYTE: ReadonlyMap<number, readonly (readonly [string, string])[]> = (() => {
  const m = new Map<number, (readonly [string, string])[]>();
  for (const entry of TTY_NAMED_KEYS) {
    const c = entry[0].charCodeAt(0);
    const list = m.get(c);
    if (list === undefined) m.set(c, [entry]);
    else list.push(entry);
  }
  return m;
})();

function namedKey(bytes: readonly number[], at: number): readonly [string, string] | undefined {
  const candidates = KEYS_BY_FIRST_BYTE.get(bytes[at]!);
  if (candidates === undefined) return undefined;
  for (const entry of candidates) {
    const seq = entry[0];
    if (at + seq.length > bytes.length) continue;
    let ok = true;
    for (let j = 1; j < seq.length && ok; j++) ok = bytes[at + j] === seq.charCodeAt(j);
    if (ok) return entry;
  }
  return undefined;
}

/** ICMP `icmptype=` (decimal) → `echo`, else `unknown-icmp-type(<raw>)`. */
export function printIcmpType(raw: string): string {
  const v = leadingNumber(raw, 10) ?? 0n;
  return (v >= 0n && v <= 0xffffffffn ? ICMP_TYPES.get(Number(v)) : undefined) ?? `unknown-icmp-type(${raw})`;
}

/** A small decimal number for a table lookup; undefined without a leading digit or when out of range. */
function smallDecimal(raw: string): number | undefined {
  const c = raw.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return undefined;
  const v = leadingNumber(raw, 10);
  return v === undefined || v > 0xffffffffn ? undefined : Number(v);
}

/** Netfilter `hook=` → `INPUT`, else `unknown-hook(<raw>)`. */
export function printHook(raw: string): string {
  const v = smallDecimal(raw);
  return (v === undefined ? undefined : NETFILTER_HOOKS.get(v)) ?? `unknown-hook(${raw})`;
}

/** Netfilter `action=` → `ACCEPT`, else `unknown-action(<raw>)`. */
export function printNetAction(raw: string): string {
  const v = smallDecimal(raw);
  return (v === undefined ? undefined : NETFILTER_ACTIONS.get(v)) ?? `unknown-action(${raw})`;
}

/** An ioctl request (hex, with or without `0x`) → `TCGETS`, else `0x<hex>`. */
export function printIoctlRequest(raw: string): string {
  const v = u32(raw, 16);
  return IOCTL_REQUESTS.get(v) ?? `0x${v.toString(16)}`;
}

/** PATH `flags=` (hex) → `follow,directory`; `none` for 0, `0x<raw>` when no known bit is set. */
export function printPathFlags(raw: string): string {
  const v = u32(raw, 16);
  if (v === 0) return 'none';
  const names = flagNames(v, PATH_FLAGS);
  return names.length === 0 ? `0x${raw}` : names.join(',');
}

const NS_FIELD_KIND: ReadonlyMap<string, string> = new Map(
  NS_KINDS.flatMap((k) => [[`${k}ns`, k], [`old_${k}ns`, k]] as const),
);

/**
 * A namespace inode field (`utsns=4026531838`, `old_userns=...`): the initial namespaces' fixed
 * inodes are named (`init_uts`), any other inode is printed as written. An extension beyond
 * libauparse, which leaves these fields raw.
 */
export function printNsInode(name: string, raw: string): string {
  const c = raw.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return raw;
  const v = leadingNumber(raw, 10);
  if (v === undefined || v > 0xffffffffn || String(v) !== raw) return raw;
  const label = initialNamespaceName(Number(v));
  if (label === undefined) return raw;
  const kind = NS_FIELD_KIND.get(name);
  return kind === undefined || label === `init_${kind}` ? label : raw;
}
