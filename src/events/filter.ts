import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { LIBAUDIT_MACHINES, LIBAUDIT_SYSCALLS } from '../tables/libaudit.generated.js';
import { MAINLINE_MSG_TYPE_NUMBERS } from '../tables/msg-types.js';
import type { AuditRecord } from '../records/types.js';
import { TYPE_CLASSES, typeClass } from './classes.js';
import type { AuditEvent } from './types.js';

/**
 * Selective review: `name=value[,value…]` terms (a comma is "or"), `name!=value` for "none of",
 * several terms in one filter separated by spaces, and several filters: every term must hold.
 * Parsed and checked completely before any input is read (docs/filters.md).
 */
export type FilterName = (typeof FILTER_NAMES)[number];
export const FILTER_NAMES = ['type', 'class', 'key', 'since', 'until', 'pid', 'ppid', 'auid', 'uid', 'success', 'syscall', 'contid', 'ns'] as const;

export interface FilterTerm {
  readonly name: FilterName;
  readonly negated: boolean;
  /** Normalised values: type numbers as strings, times as milliseconds, the rest as written. */
  readonly values: readonly string[];
  /** The term as written, for messages. */
  readonly text: string;
}

export interface Filter {
  readonly terms: readonly FilterTerm[];
}

const NUMERIC: ReadonlySet<string> = new Set(['pid', 'ppid', 'auid', 'uid']);
const CLASS_NAMES: ReadonlySet<string> = new Set(TYPE_CLASSES.map(([n]) => n));
/** Syscall names of every architecture libaudit knows (values are checked against the record's arch when matching). */
const SYSCALL_NAMES: ReadonlySet<string> = new Set(Object.values(LIBAUDIT_SYSCALLS).flatMap((t) => t.map(([, n]) => n)));

function bad(message: string, offset: number): AuditError {
  return new AuditError(AuditErrorCode.BAD_FILTER, message, { offset, path: 'filter' });
}

/**
 * Parse filters (each may hold several space-separated terms). Throws `AUDIT_ERR_BAD_FILTER` with
 * the character offset of the bad term.
 *
 * @example parseFilter(['key=container-create', 'type=SYSCALL,EXECVE since=1700000000'])
 */
export function parseFilter(exprs: readonly string[]): Filter {
  const terms: FilterTerm[] = [];
  for (const expr of exprs) {
    for (const m of expr.matchAll(/\S+/g)) terms.push(parseTerm(m[0], m.index));
  }
  return { terms };
}

function parseTerm(text: string, at: number): FilterTerm {
  const m = /^([a-z]+)(!?=)(.*)$/.exec(text);
  if (m === null) throw bad(`filter term ${JSON.stringify(text)} is not name=value`, at);
  const name = m[1]!;
  if (!(FILTER_NAMES as readonly string[]).includes(name)) throw bad(`unknown filter ${JSON.stringify(name)} (known: ${FILTER_NAMES.join(', ')})`, at);
  const negated = m[2] === '!=';
  const raw = m[3]!.split(',');
  const valueAt = at + name.length + m[2]!.length;
  if (raw.some((v) => v === '')) throw bad(`empty value in ${JSON.stringify(text)}`, valueAt);
  const values = raw.map((v) => normalise(name as FilterName, v, valueAt));
  if ((name === 'since' || name === 'until') && (negated || values.length !== 1)) throw bad(`${name} takes one time`, at);
  return { name: name as FilterName, negated, values, text };
}

function normalise(name: FilterName, v: string, at: number): string {
  switch (name) {
    case 'type': {
      if (/^\d+$/.test(v)) return v;
      const n = MAINLINE_MSG_TYPE_NUMBERS.get(v.toUpperCase()) ?? /^UNKNOWN\[(\d+)\]$/.exec(v)?.[1];
      if (n === undefined) throw bad(`unknown record type ${JSON.stringify(v)}`, at);
      return String(n);
    }
    case 'class':
      if (!CLASS_NAMES.has(v)) throw bad(`unknown class ${JSON.stringify(v)} (known: ${[...CLASS_NAMES].join(', ')})`, at);
      return v;
    case 'since':
    case 'until':
      return String(parseTime(v, at));
    case 'success':
      if (v !== 'yes' && v !== 'no') throw bad('success is yes or no', at);
      return v;
    case 'syscall':
      if (!/^\d+$/.test(v) && !SYSCALL_NAMES.has(v)) throw bad(`unknown syscall ${JSON.stringify(v)}`, at);
      return v;
    default:
      if (NUMERIC.has(name) && !/^-?\d+$/.test(v)) throw bad(`${name} takes a number`, at);
      return v;
  }
}

/** Epoch seconds (`1700000000`, `1700000000.250`) or an ISO 8601 date with a zone, to milliseconds. */
function parseTime(v: string, at: number): number {
  if (/^\d+(\.\d{1,3})?$/.test(v)) return Math.round(Number(v) * 1000);
  if (/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d))?$/.test(v)) {
    const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
    if (Number.isFinite(ms)) return ms;
  }
  throw bad(`not a time: ${JSON.stringify(v)} (epoch seconds or ISO 8601 with a zone)`, at);
}

function fieldValues(r: AuditRecord, name: string): string[] {
  const out: string[] = [];
  for (const f of r.fields) if (f.name === name && f.value !== null) out.push(f.value);
  return out;
}

const ARCH_MACHINE: ReadonlyMap<number, string> = new Map(LIBAUDIT_MACHINES.map(([, name, arch]) => [arch, name]));

function syscallMatches(r: AuditRecord, want: string): boolean {
  const nr = fieldValues(r, 'syscall')[0];
  if (nr === undefined) return false;
  if (/^\d+$/.test(want)) return nr === want;
  const arch = fieldValues(r, 'arch')[0];
  const machine = arch === undefined ? undefined : ARCH_MACHINE.get(parseInt(arch, 16));
  const table = machine === undefined ? undefined : LIBAUDIT_SYSCALLS[machine];
  return table?.some(([n, name]) => name === want && String(n) === nr) ?? false;
}

/** Does one value of the term hold for this record? */
function holds(t: FilterTerm, v: string, r: AuditRecord): boolean {
  switch (t.name) {
    case 'type':
      return String(r.type) === v;
    case 'class':
      return typeClass(r.type) === v;
    case 'key':
      // Several keys on one rule are joined by 0x01 (reference §8.7).
      return fieldValues(r, 'key').some((k) => k.split('\x01').includes(v));
    case 'since':
      return r.time.sec * 1000 + r.time.msec >= Number(v);
    case 'until':
      return r.time.sec * 1000 + r.time.msec <= Number(v);
    case 'success':
      return fieldValues(r, 'success').includes(v) || fieldValues(r, 'res').some((x) => (v === 'yes' ? x === 'success' || x === '1' : x === 'failed' || x === '0'));
    case 'syscall':
      return syscallMatches(r, v);
    case 'ns':
      // Namespace inodes: `*ns`/`*_ns` fields of the proposed NS records, `inum`, and the 2013 draft's names.
      return r.fields.some((f) => /(?:ns|^inum|^(?:mnt|net|uts|ipc|user|cgroup))$/.test(f.name) && f.value !== null && sameNumber(f.value, v));
    default:
      return fieldValues(r, t.name).includes(v);
  }
}

function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const n = (s: string): bigint | undefined => (/^\d+$/.test(s) ? BigInt(s) : /^0x[0-9a-f]+$/i.test(s) ? BigInt(s) : undefined);
  const x = n(a);
  return x !== undefined && x === n(b);
}

/** True if the term holds for the record (a negated term: none of its values does). */
function termHolds(t: FilterTerm, r: AuditRecord): boolean {
  const any = t.values.some((v) => holds(t, v, r));
  return t.negated ? !any : any;
}

/**
 * Every term holds for this one record (used by `decode --filter`).
 *
 * @example matchRecord(parseFilter(['type=CWD']), record)
 */
export function matchRecord(f: Filter, r: AuditRecord): boolean {
  return f.terms.every((t) => termHolds(t, r));
}

/**
 * Every term holds for some record of the event (a negated term: for none of them).
 *
 * @example events.filter((e) => matchEvent(parseFilter(['key=container-create']), e))
 */
export function matchEvent(f: Filter, e: AuditEvent): boolean {
  return f.terms.every((t) => {
    if (t.negated) return e.records.every((r) => termHolds(t, r));
    return e.records.some((r) => termHolds(t, r));
  });
}

/**
 * Every term holds for a message that has a type but no text record (a control message such as
 * AUDIT_GET or NLMSG_ERROR): only `type` and `class` can hold; field and time terms cannot
 * (so their negations do).
 *
 * @example matchType(parseFilter(['class=control']), 1000) // → true
 */
export function matchType(f: Filter, type: number): boolean {
  return f.terms.every((t) => {
    const any = t.values.some((v) => (t.name === 'type' ? String(type) === v : t.name === 'class' ? typeClass(type) === v : false));
    return t.negated ? !any : any;
  });
}
