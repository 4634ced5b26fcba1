import type { AuditRuleData } from '../audit/messages/rule-data.js';
import { ERRNO_NAMES } from '../tables/errno.js';
import { LIBAUDIT_MSG_TYPES } from '../tables/libaudit.generated.js';
import { elfToMachine, isArch64, machineByName, syscallName } from './machines.js';
import { ACTION_NAMES, AUDIT_FILTER_MASK, AUDIT_OPERATORS_MASK, COMPARISONS, FIELD_NAMES, FILTER_LIST_NAMES, FSTYPE_NAMES, OPERATOR_SYMBOLS, PERM_LETTERS } from './tables.js';

/** Options for decompiling: the host `auditctl -l` runs on names syscalls of rules without `-F arch`. */
export interface RuleExplainOptions {
  /** uname -m of the listing host. Default `x86_64`. */
  readonly arch?: string;
}

const MSG_TYPE_NAMES: ReadonlyMap<number, string> = new Map(LIBAUDIT_MSG_TYPES);
const COMPARE_BY_ID: ReadonlyMap<number, readonly [string, string]> = new Map(COMPARISONS.map(([id, l, r]) => [id, [l, r] as const]));
const FIELD_ID_MASK = 0x87ffffff; // fields[i] & ~AUDIT_OPERATORS
const WATCH_FIELDS: ReadonlySet<number> = new Set([105, 106, 107, 210]);
const utf8 = new TextDecoder('utf-8');

/**
 * The line `auditctl -l` (audit-userspace 3.0.9, without `-i`) prints for a rule: the inverse
 * of `compileRule`, and what a captured AUDIT_LIST_RULES reply means.
 *
 * @example
 * explainRule(compileRule('-w /etc/passwd -p wa -k passwd').rule) // '-w /etc/passwd -p wa -k passwd'
 */
export function explainRule(r: AuditRuleData, options: RuleExplainOptions = {}): string {
  const watch = isWatch(r);
  let out = '';
  let elf = 0;
  const count = Math.min(r.field_count, r.fields.length);
  if (!watch) {
    out += `-a ${ACTION_NAMES.get(r.action) ?? '(null)'},${FILTER_LIST_NAMES.get(r.flags & AUDIT_FILTER_MASK) ?? '(null)'}`;
    for (let i = 0; i < count; i++) {
      if ((r.fields[i]! & FIELD_ID_MASK) !== 11) continue;
      elf = r.values[i]!;
      const op = opSymbol(r.fieldflags[i]!);
      out += elfToMachine(elf) < 0 ? ` -F arch${op}0x${hexU(elf)}` : ` -F arch${op}${isArch64(elf) ? 'b64' : 'b32'}`;
    }
    out += syscallText(r, elf, options.arch ?? 'x86_64');
  }
  for (let i = 0; i < count; i++) out += fieldText(r, i, watch);
  return out;
}

/** A rule is shown as `-w` when it has only path/dir/perm/key fields, a perm, and (on syscall lists) every syscall. */
function isWatch(r: AuditRuleData): boolean {
  let perm = false;
  for (let i = 0; i < r.field_count; i++) {
    const f = r.fields[i]! & FIELD_ID_MASK;
    if (f === 106) perm = true;
    if (!WATCH_FIELDS.has(f)) return false;
  }
  return perm && (!takesSyscalls(r.flags) || allSyscalls(r));
}

/** auditctl prints syscalls for every list but user, task, exclude and filesystem. */
function takesSyscalls(flags: number): boolean {
  const list = flags & AUDIT_FILTER_MASK;
  return (flags & 6) !== 0 && list !== 5 && list !== 6;
}

/** "All syscalls": the first 63 mask words all ones (the last holds the syscall-class bits). */
function allSyscalls(r: AuditRuleData): boolean {
  for (let w = 0; w < 63; w++) if (r.mask[w] !== 0xffffffff) return false;
  return true;
}

function syscallText(r: AuditRuleData, elf: number, host: string): string {
  if (!takesSyscalls(r.flags)) return '';
  if (allSyscalls(r)) return ' -S all';
  // io_uring rules select io_uring operations, not syscalls: shown by number.
  const machine = (r.flags & AUDIT_FILTER_MASK) === 7 ? -1 : elf !== 0 ? elfToMachine(elf) : machineByName(host);
  const names: string[] = [];
  for (let nr = 0; nr < 2048; nr++) {
    if (((r.mask[nr >> 5] ?? 0) & (1 << (nr & 31))) === 0) continue;
    names.push((machine < 0 ? undefined : syscallName(nr, machine)) ?? String(nr));
  }
  return names.length === 0 ? '' : ` -S ${names.join(',')}`;
}

function fieldText(r: AuditRuleData, i: number, watch: boolean): string {
  const raw = r.fields[i]!;
  const field = raw & FIELD_ID_MASK;
  const op = opSymbol(r.fieldflags[i]!);
  const value = r.values[i]!;
  const name = FIELD_NAMES.get(field);
  if (field === 11) return '';
  if (name === undefined) return ` f${raw | 0}${op}${value | 0}`;
  const str = (): string => cString(r.strings[i] ?? null);
  const signed = ` -F ${name}${op}${value | 0}`;
  switch (field) {
    case 12:
      return ` -F ${name}${op}${MSG_TYPE_NAMES.get(value) ?? String(value | 0)}`;
    case 13: case 14: case 15: case 16: case 17: case 19: case 20: case 21: case 22: case 23:
      return ` -F ${name}${op}${str()}`;
    case 26: {
      const fs = FSTYPE_NAMES.get(value);
      return fs === undefined ? signed : ` -F ${name}${op}${fs}`;
    }
    case 102:
      return ` -F ${name}${op}${value >>> 0}`;
    case 103: {
      const err = ERRNO_NAMES.get(Math.abs(value | 0));
      return (value | 0) < 0 && err !== undefined ? ` -F ${name}${op}-${err}` : signed;
    }
    case 105:
      return watch ? `-w ${str()}` : ` -F path=${str()}`;
    case 107:
      return watch ? `-w ${str()}` : ` -F dir=${str()}`;
    case 112:
      return ` -F exe=${str()}`;
    case 106: {
      const perms = PERM_LETTERS.filter(([, bit]) => (value & bit) !== 0).map(([l]) => l).join('');
      return watch ? ` -p ${perms}` : ` -F perm=${perms}`;
    }
    case 111: {
      const pair = COMPARE_BY_ID.get(value);
      return pair === undefined ? '' : ` -C ${pair[0]}${op}${pair[1]}`;
    }
    case 200: case 201: case 202: case 203:
      return ` -F ${name}${op}0x${hexU(value)}`;
    case 210:
      return str().split('\x01').filter((k) => k !== '').map((k) => (watch ? ` -k ${k}` : ` -F key=${k}`)).join('');
    default:
      return signed;
  }
}

function opSymbol(fieldflags: number): string {
  return OPERATOR_SYMBOLS.get((fieldflags & AUDIT_OPERATORS_MASK) >>> 0) ?? '(null)';
}

function hexU(v: number): string {
  return (v >>> 0).toString(16).toUpperCase();
}

/** printf("%.*s"): the bytes up to the first NUL. */
function cString(b: Uint8Array | null): string {
  if (b === null) return '';
  const nul = b.indexOf(0);
  return utf8.decode(nul < 0 ? b : b.subarray(0, nul));
}
