import { MAINLINE_MSG_TYPE_NUMBERS } from '../tables/msg-types.js';

/**
 * strace's printed forms of a buffer argument, turned back into bytes when they hold all of it:
 * a C string (`"\x10\x00..."`, from `-x`/`-xx` or an undecoded buffer) and strace's netlink
 * decoding (`{nlmsg_len=16, nlmsg_type=..., ...}`, `[{header}, "payload"]`, `[{header},
 * {error=0, msg={header}}]`) with numbers (`-X raw`) or names. A string that ends in `...` was cut
 * by `-s` and gives `undefined`.
 */

/**
 * Split an argument list at top-level commas (not inside quotes, braces or brackets).
 *
 * @example splitArgs('3, {a=1, b=2}, "x,y"') // → ['3', '{a=1, b=2}', '"x,y"']
 */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(s.slice(from).trim());
  return out;
}

/** NLM_F_* names (include/uapi/linux/netlink.h); several share a value by design. */
const NLM_F: Readonly<Record<string, number>> = {
  NLM_F_REQUEST: 0x1, NLM_F_MULTI: 0x2, NLM_F_ACK: 0x4, NLM_F_ECHO: 0x8, NLM_F_DUMP_INTR: 0x10, NLM_F_DUMP_FILTERED: 0x20,
  NLM_F_ROOT: 0x100, NLM_F_MATCH: 0x200, NLM_F_ATOMIC: 0x400, NLM_F_DUMP: 0x300,
  NLM_F_REPLACE: 0x100, NLM_F_EXCL: 0x200, NLM_F_CREATE: 0x400, NLM_F_APPEND: 0x800,
  NLM_F_NONREC: 0x100, NLM_F_BULK: 0x200, NLM_F_CAPPED: 0x100, NLM_F_ACK_TLVS: 0x200,
};
const NLMSG_TYPES: Readonly<Record<string, number>> = { NLMSG_NOOP: 1, NLMSG_ERROR: 2, NLMSG_DONE: 3, NLMSG_OVERRUN: 4 };

function num(v: string | undefined, names: (name: string) => number | undefined): number | undefined {
  if (v === undefined) return undefined;
  let total = 0;
  for (const part of v.replace(/\/\*.*?\*\//g, '').trim().split('|')) {
    const p = part.trim();
    let n: number | undefined;
    if (/^-?(0x[0-9a-f]+|\d+)$/i.test(p)) n = Number(p);
    else n = names(p);
    if (n === undefined || !Number.isFinite(n)) return undefined;
    total |= n;
  }
  return total >>> 0;
}

function typeNumber(name: string): number | undefined {
  return NLMSG_TYPES[name] ?? (name.startsWith('AUDIT_') ? MAINLINE_MSG_TYPE_NUMBERS.get(name.slice(6)) : undefined);
}

function fields(s: string): Map<string, string> | undefined {
  if (!s.startsWith('{') || !s.endsWith('}')) return undefined;
  const m = new Map<string, string>();
  for (const f of splitArgs(s.slice(1, -1))) {
    const eq = f.indexOf('=');
    if (eq < 0) return undefined;
    m.set(f.slice(0, eq), f.slice(eq + 1));
  }
  return m;
}

function u32(out: number[], v: number, le: boolean): void {
  const b = [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
  out.push(...(le ? b : b.reverse()));
}

function header(s: string, le: boolean, out: number[]): boolean {
  const f = fields(s);
  if (f === undefined) return false;
  const len = num(f.get('nlmsg_len'), () => undefined);
  const type = num(f.get('nlmsg_type'), typeNumber);
  const flags = num(f.get('nlmsg_flags'), (n) => NLM_F[n]);
  const seq = num(f.get('nlmsg_seq'), () => undefined);
  const pid = num(f.get('nlmsg_pid'), () => undefined);
  if (len === undefined || type === undefined || flags === undefined || seq === undefined || pid === undefined) return false;
  u32(out, len, le);
  const t = [type & 255, (type >>> 8) & 255];
  const fl = [flags & 255, (flags >>> 8) & 255];
  out.push(...(le ? t : t.reverse()), ...(le ? fl : fl.reverse()));
  u32(out, seq, le);
  u32(out, pid, le);
  return true;
}

/**
 * The bytes of a C string literal as strace prints it, or `undefined` if it was cut short.
 *
 * @example cString('"a\\x01"') // → [0x61, 0x01]
 */
export function cString(s: string): number[] | undefined {
  if (!s.startsWith('"') || s.endsWith('...') || !s.endsWith('"') || s.length < 2) return undefined;
  const out: number[] = [];
  const body = s.slice(1, -1);
  const simple: Readonly<Record<string, number>> = { n: 10, t: 9, r: 13, v: 11, f: 12, '\\': 92, '"': 34, "'": 39 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out.push(body.charCodeAt(i) & 0xff);
      continue;
    }
    const e = body[++i];
    if (e === 'x') {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else if (e !== undefined && simple[e] !== undefined) out.push(simple[e]);
    else return undefined;
  }
  return out.some((b) => Number.isNaN(b)) ? undefined : out;
}

/** One netlink message printed by strace: `{hdr}`, `[{hdr}, "payload"]`, `[{hdr}, {error=N, msg=...}]`. */
function message(s: string, le: boolean, out: number[]): boolean {
  if (s.startsWith('{')) return header(s, le, out);
  if (!s.startsWith('[') || !s.endsWith(']')) return false;
  const parts = splitArgs(s.slice(1, -1));
  if (parts.length !== 2 || !header(parts[0]!, le, out)) return false;
  const body = parts[1]!;
  if (body.startsWith('"')) {
    const bytes = cString(body);
    if (bytes === undefined) return false;
    out.push(...bytes);
    return true;
  }
  const f = fields(body);
  const err = f?.get('error');
  const msg = f?.get('msg');
  if (err === undefined || msg === undefined || f!.size !== 2) return false;
  const errno = /^-?(E[A-Z0-9]+|\d+)/.exec(err);
  if (errno === null || !/^-?\d+$/.test(errno[0])) return false;
  u32(out, Number(errno[0]) >>> 0, le);
  return message(msg, le, out);
}

/**
 * Bytes of a buffer argument, or `undefined` when strace did not print all of it.
 *
 * @example straceBufferBytes('{nlmsg_len=16, nlmsg_type=0x3e8, nlmsg_flags=0x5, nlmsg_seq=1, nlmsg_pid=0}', true) // → 10 00 00 00 e8 03 05 00 ...
 */
export function straceBufferBytes(arg: string, littleEndian: boolean): Uint8Array | undefined {
  if (arg.startsWith('"')) {
    const b = cString(arg);
    return b === undefined ? undefined : Uint8Array.from(b);
  }
  const out: number[] = [];
  return message(arg, littleEndian, out) ? Uint8Array.from(out) : undefined;
}
