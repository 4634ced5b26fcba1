import { utf8Encode } from '../bytes/utf8.js';
import { ERRNO_NUMBERS } from '../tables/errno.js';
import { LIBAUDIT_MSG_TYPES } from '../tables/libaudit.generated.js';
import { isNegativeNumber, startsWithDigit, strtolU32, strtoulU32 } from './cnum.js';
import { addField, type RuleDraft } from './draft.js';
import { libauditError, type TokenRef } from './errors.js';
import {
  AUDIT_MAX_KEY_LEN, AUDIT_UID_UNSET, EQ_NE_ONLY_FIELDS, EXCLUDE_FIELDS, EXIT_ONLY_FIELDS, MSGTYPE_LISTS,
  PATH_MAX, SESSIONID_LISTS, ruleFieldKind,
} from './fields.js';
import { determineMachine, elfToMachine, machineToElf } from './machines.js';
import {
  AF_MAX, AUDIT_EQUAL, AUDIT_FILTER, COMPARISONS, FIELD_NUMBERS, FILETYPE_VALUES, FSTYPE_VALUES,
  OPERATOR_SEARCH_ORDER, OPERATOR_VALUES, PERM_LETTERS, SADDR_FAM_VALUES,
} from './tables.js';

/** Name lookups only the caller can answer (libaudit asks the host's passwd and group files). */
export interface NameResolver {
  /** uid of a user name, or undefined when there is no such user. */
  readonly resolveUser?: (name: string) => number | undefined;
  /** gid of a group name, or undefined. */
  readonly resolveGroup?: (name: string) => number | undefined;
}

/** libaudit's globals while one rule is parsed (`_audit_elf`, `_audit_syscalladded`, ...). */
export interface ParseState {
  /** AUDIT_ARCH the syscall names are looked up in; 0 until `-F arch` or the first `-S`. */
  elf: number;
  syscallAdded: boolean;
  permAdded: boolean;
  exeAdded: boolean;
  filterFsAdded: boolean;
  /** The host machine `b32`/`b64` and a missing `-F arch` refer to (uname -m). */
  readonly host: string;
}

const MSG_TYPE_NUMBERS: ReadonlyMap<string, number> = new Map(LIBAUDIT_MSG_TYPES.map(([n, s]) => [s, n]));

/** Split `name<op>value` at the first operator, searching two-byte operators first, as libaudit does. */
export function splitPair(pair: string): { name: string; op: string; value: string } | undefined {
  for (const op of OPERATOR_SEARCH_ORDER) {
    const at = pair.indexOf(op);
    if (at >= 0) return { name: pair.slice(0, at), op, value: pair.slice(at + op.length) };
  }
  return undefined;
}

/**
 * `-F name<op>value` on list `list` (flags & 7): append the field to `d` or throw the error
 * libaudit gives. The behaviour, check by check, is libaudit 3.0.9's audit_rule_fieldpair_data.
 */
export function addFieldPair(d: RuleDraft, token: TokenRef, list: number, st: ParseState, names: NameResolver): void {
  if (d.fields.length >= 63) throw libauditError(-28, token);
  const parts = splitPair(token.text);
  if (parts === undefined) throw libauditError(-1, token);
  const { name, value: v } = parts;
  const op = OPERATOR_VALUES.get(parts.op)!;
  if (name === '') throw libauditError(-22, token);
  if (v === '') throw libauditError(-20, token);
  const field = FIELD_NUMBERS.get(name);
  if (field === undefined) throw libauditError(-2, token, name);
  if (list === AUDIT_FILTER.EXCLUDE && !EXCLUDE_FIELDS.has(field)) throw libauditError(-12, token);
  if (EXIT_ONLY_FIELDS.has(field) && list !== AUDIT_FILTER.EXIT) throw libauditError(-7, token, name);
  const kind = ruleFieldKind(field);
  const eqOnly = (): void => {
    if (op !== AUDIT_EQUAL && op !== OPERATOR_VALUES.get('!=')) throw libauditError(-13, token, name);
  };
  switch (kind) {
    case 'uid': {
      let val: number;
      if (startsWithDigit(v)) val = strtoulU32(v);
      else if (isNegativeNumber(v)) val = strtolU32(v);
      else if (v === 'unset') val = AUDIT_UID_UNSET;
      else val = resolve(names.resolveUser, v, token);
      return addField(d, field, op, val);
    }
    case 'gid':
      return addField(d, field, op, startsWithDigit(v) ? strtolU32(v) : resolve(names.resolveGroup, v, token));
    case 'exit': {
      if (startsWithDigit(v) || isNegativeNumber(v)) return addField(d, field, op, strtolU32(v));
      const negative = v.startsWith('-');
      const n = ERRNO_NUMBERS.get(negative ? v.slice(1) : v) ?? 0;
      if (n === 0) throw libauditError(-15, token, v);
      return addField(d, field, op, negative ? -n : n);
    }
    case 'msgtype': {
      if (!MSGTYPE_LISTS.has(list)) throw libauditError(-9, token);
      if (startsWithDigit(v)) return addField(d, field, op, strtolU32(v));
      const n = MSG_TYPE_NUMBERS.get(v) ?? unknownType(v);
      if (n <= 0) throw libauditError(-8, token, v);
      return addField(d, field, op, n);
    }
    case 'string': {
      if (field === 112) {
        eqOnly();
        st.exeAdded = true;
      }
      if (field === 105 || field === 107) st.permAdded = true;
      if (field === 210 && !(st.syscallAdded || st.permAdded || st.exeAdded || st.filterFsAdded)) throw libauditError(-19, token);
      const bytes = utf8Encode(v);
      if (bytes.length > (field === 210 ? AUDIT_MAX_KEY_LEN : PATH_MAX)) throw libauditError(-11, token);
      return addField(d, field, op, 0, bytes);
    }
    case 'arch': {
      if (st.syscallAdded) throw libauditError(-3, token);
      eqOnly();
      let elf: number;
      if (startsWithDigit(v)) {
        elf = strtoulU32(v);
        if (elfToMachine(elf) < 0) throw libauditError(-5, token);
      } else {
        elf = machineToElf(determineMachine(v, st.host));
        if (elf === 0) throw libauditError(-5, token);
      }
      st.elf = elf;
      return addField(d, field, op, elf);
    }
    case 'perm': {
      if (op !== AUDIT_EQUAL) throw libauditError(-29, token, name);
      if (v.length > 4) throw libauditError(-11, token);
      let val = 0;
      for (const c of v.toLowerCase()) {
        const bit = PERM_LETTERS.find(([l]) => l === c)?.[1];
        if (bit === undefined) throw libauditError(-14, token);
        val |= bit;
      }
      return addField(d, field, op, val);
    }
    case 'filetype': {
      const val = FILETYPE_VALUES.get(v);
      if (val === undefined) throw libauditError(-16, token, v);
      return addField(d, field, op, val);
    }
    case 'arg':
      if (startsWithDigit(v)) return addField(d, field, op, strtoulU32(v));
      if (isNegativeNumber(v)) return addField(d, field, op, strtolU32(v));
      throw libauditError(-21, token);
    case 'sessionid': {
      if (!SESSIONID_LISTS.has(list)) throw libauditError(-31, token, name);
      let val = 0; // libaudit leaves anything else as 0
      if (startsWithDigit(v)) val = strtoulU32(v);
      else if (isNegativeNumber(v)) val = strtolU32(v);
      else if (v === 'unset') val = AUDIT_UID_UNSET;
      return addField(d, field, op, val);
    }
    case 'fstype': {
      if (list !== AUDIT_FILTER.FS) throw libauditError(-34, token, name);
      eqOnly();
      const val = startsWithDigit(v) ? strtoulU32(v) : FSTYPE_VALUES.get(v);
      if (val === undefined) throw libauditError(-36, token);
      st.filterFsAdded = true;
      return addField(d, field, op, val);
    }
    case 'saddr_fam': {
      // libaudit: (__u32)strtoul(v), so `-1` is 4294967295 (too large) and other text 0; known
      // family names are this library's addition.
      const val = (startsWithDigit(v) ? undefined : SADDR_FAM_VALUES.get(v.toLowerCase())) ?? strtoulU32(v);
      if (val >= AF_MAX) throw libauditError(-37, token);
      return addField(d, field, op, val);
    }
    case 'number':
      if (EQ_NE_ONLY_FIELDS.has(field)) eqOnly();
      if (!startsWithDigit(v)) throw libauditError(-21, token);
      return addField(d, field, op, field === 102 ? strtoulU32(v) : strtolU32(v));
  }
}

function resolve(lookup: ((name: string) => number | undefined) | undefined, name: string, token: TokenRef): number {
  const id = lookup?.(name);
  if (id === undefined) throw libauditError(-38, token, name);
  return id;
}

function unknownType(v: string): number {
  const m = /^UNKNOWN\[(\d+)\]$/.exec(v);
  return m === null ? 0 : Number(m[1]);
}

const COMPARE_NAMES = new Set(['uid', 'euid', 'suid', 'fsuid', 'auid', 'loginuid', 'obj_uid', 'gid', 'egid', 'sgid', 'fsgid', 'obj_gid']);

/**
 * `-C left<op>right`: an AUDIT_FIELD_COMPARE field (libaudit's audit_rule_interfield_comp_data).
 * Only `=` and `!=`; only on the exit list.
 */
export function addComparison(d: RuleDraft, token: TokenRef, list: number): void {
  if (d.fields.length >= 63) throw libauditError(-28, token);
  const ne = token.text.indexOf('!=');
  const eq = token.text.indexOf('=');
  if (ne < 0 && eq < 0) throw libauditError(-13, token);
  const at = ne >= 0 ? ne : eq;
  const left = token.text.slice(0, at);
  const right = token.text.slice(at + (ne >= 0 ? 2 : 1));
  if (left === '') throw libauditError(-24, token);
  if (right === '') throw libauditError(-25, token);
  if (!FIELD_NUMBERS.has(left)) throw libauditError(-26, token, left);
  if (!FIELD_NUMBERS.has(right)) throw libauditError(-27, token, right);
  if (list !== AUDIT_FILTER.EXIT) throw libauditError(-7, token);
  const canon = (s: string): string => (s === 'loginuid' ? 'auid' : s);
  const a = canon(left);
  const b = canon(right);
  const row = COMPARE_NAMES.has(a) && COMPARE_NAMES.has(b)
    ? COMPARISONS.find(([, l, r]) => (l === a && r === b) || (l === b && r === a))
    : undefined;
  if (row === undefined) throw libauditError(-33, token);
  addField(d, 111, ne >= 0 ? OPERATOR_VALUES.get('!=')! : AUDIT_EQUAL, row[0]);
}
