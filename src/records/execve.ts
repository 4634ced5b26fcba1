import { fromHex } from '../bytes/hex.js';
import { utf8Bytes } from './text.js';
import type { AuditField, AuditRecord } from './types.js';
import { concatBytes } from '../bytes/concat.js';

const EXECVE = 1309;
const PROCTITLE = 1327;
const utf8 = new TextDecoder('utf-8');

/** The arguments of one execve, joined from an event's EXECVE records. */
export interface ExecveArgs {
  /** `argc=` of the first EXECVE record, if present. */
  readonly argc: number | undefined;
  /** Arguments as bytes (an argument may be any bytes; a split may cut a UTF-8 sequence). */
  readonly argBytes: readonly Uint8Array[];
  /** The same, read as UTF-8. */
  readonly args: readonly string[];
  /** False when argc is missing, an index is missing, or a split argument lacks a chunk or its length. */
  readonly complete: boolean;
}

/**
 * Joins EXECVE arguments across the records of one event (reference §4.4): `aN=` whole
 * arguments, and `aN_len=L aN[0]=... aN[1]=...` chunks, each quoted or hex on its own, possibly
 * spread over several records with the same stamp. Records of other types are ignored.
 *
 * @example joinExecveArgs([parseLogLine('type=EXECVE msg=audit(1.000:2): argc=2 a0="ls" a1=612062')]).args // → ['ls', 'a b']
 */
export function joinExecveArgs(records: readonly AuditRecord[]): ExecveArgs {
  let argc: number | undefined;
  const whole = new Map<number, Uint8Array>();
  const lens = new Map<number, number>();
  const chunks = new Map<number, Map<number, Uint8Array>>();
  for (const r of records) {
    if (r.type !== EXECVE) continue;
    for (const f of r.fields) {
      if (f.name === 'argc') {
        if (argc === undefined && /^[0-9]+$/.test(f.raw)) argc = Number(f.raw);
        continue;
      }
      const ref = argRef(f.name);
      if (ref === undefined) continue;
      if (ref.kind === 'len') lens.set(ref.index, Number(f.raw));
      else if (ref.kind === 'whole') whole.set(ref.index, fieldBytes(f));
      else {
        let m = chunks.get(ref.index);
        if (m === undefined) chunks.set(ref.index, (m = new Map()));
        m.set(ref.chunk, fieldBytes(f));
      }
    }
  }
  // argc and the aN / aN[M] indices come from the wire: size nothing by them. The arguments are
  // indices 0..highest present; an argc beyond that only marks the join incomplete.
  let highest = -1;
  for (const k of whole.keys()) if (k > highest) highest = k;
  for (const k of chunks.keys()) if (k > highest) highest = k;
  const count = highest + 1;
  const argBytes: Uint8Array[] = [];
  let complete = argc !== undefined && argc === count;
  for (let i = 0; i < count; i++) {
    const w = whole.get(i);
    if (w !== undefined) {
      argBytes.push(w);
      continue;
    }
    const parts = chunks.get(i);
    if (parts === undefined) {
      complete = false;
      argBytes.push(new Uint8Array(0));
      continue;
    }
    const order = [...parts.keys()].sort((a, b) => a - b);
    if (order[order.length - 1] !== order.length - 1) complete = false;
    const joined = concatBytes(order.map((c) => parts.get(c)!));
    if (lens.get(i) !== joined.length) complete = false;
    argBytes.push(joined);
  }
  return { argc, argBytes, args: argBytes.map((b) => utf8.decode(b)), complete };
}

/**
 * The argv a PROCTITLE record shows: the title's bytes split at each NUL (the kernel copies the
 * process's argument area, NUL separators included, truncated at its limit).
 *
 * @example proctitleArgv(parseLogLine('type=PROCTITLE msg=audit(1.000:2): proctitle=636174002F6574632F706173737764')) // → ['cat', '/etc/passwd']
 */
export function proctitleArgv(record: AuditRecord): readonly string[] {
  if (record.type !== PROCTITLE) return [];
  const f = record.fields.find((x) => x.name === 'proctitle');
  if (f === undefined || f.form === 'null') return [];
  const bytes = fieldBytes(f);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0) {
      out.push(utf8.decode(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  return out;
}

/**
 * The exact bytes of a field's value: hex decoded, quotes removed, otherwise the raw text.
 *
 * @example fieldBytes(parseLogLine('type=PROCTITLE msg=audit(1.000:1): proctitle=610062').fields[0]!) // → Uint8Array [0x61, 0x00, 0x62]
 */
export function fieldBytes(f: AuditField): Uint8Array {
  if (f.form === 'hex') return fromHex(f.raw);
  return utf8Bytes(f.value ?? '');
}

type ArgRef = { kind: 'whole'; index: number } | { kind: 'len'; index: number } | { kind: 'chunk'; index: number; chunk: number };

function argRef(name: string): ArgRef | undefined {
  if (name.charCodeAt(0) !== 0x61) return undefined;
  let i = 1;
  while (i < name.length && isDigit(name.charCodeAt(i))) i++;
  if (i === 1) return undefined;
  const index = Number(name.slice(1, i));
  if (i === name.length) return { kind: 'whole', index };
  const rest = name.slice(i);
  if (rest === '_len') return { kind: 'len', index };
  if (rest.length >= 3 && rest.charCodeAt(0) === 0x5b && rest.charCodeAt(rest.length - 1) === 0x5d) {
    const digits = rest.slice(1, -1);
    for (let j = 0; j < digits.length; j++) if (!isDigit(digits.charCodeAt(j))) return undefined;
    return { kind: 'chunk', index, chunk: Number(digits) };
  }
  return undefined;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

