import type { AuditRuleData } from '../audit/messages/rule-data.js';
import { ERRNO_NAMES } from '../tables/errno.js';
import { FIELD_NAMES, FILTER_LIST_NAMES, OPERATOR_SYMBOLS } from './tables.js';

/**
 * What the Linux kernel does with an AUDIT_ADD_RULE / AUDIT_DEL_RULE `audit_rule_data`, check by
 * check, written from the kernel's source (v6.x, with AUDIT_FILTER_URING_EXIT; CONFIG_AUDITSYSCALL=y):
 *
 * - kernel/auditfilter.c `audit_to_entry_common` (list and action), `audit_to_op` (operator),
 *   `audit_field_valid` (field × list, field × operator, field values), `audit_data_to_entry`
 *   (uid/gid validity, the legacy `auid=-1` rewrite, string unpacking, watch/dir/inode/key/exe),
 *   `audit_unpack_string`, `audit_to_inode`;
 * - kernel/audit_watch.c `audit_to_watch`, kernel/audit_tree.c `audit_make_tree`,
 *   kernel/audit_fsnotify.c `audit_alloc_mark` (the path checks that need no file system);
 * - security/security.c `security_audit_rule_init` (no LSM hook → 0) and the LSM hooks:
 *   security/selinux/ss/services.c `selinux_audit_rule_init`, security/apparmor/audit.c
 *   `aa_audit_rule_init`. `audit_data_to_entry` keeps a rule whose LSM hook answers -EINVAL
 *   ("Keep currently invalid fields around in case they become valid after a policy reload"),
 *   so only other errors from the LSM refuse a rule.
 *
 * The tables below are data; each names the kernel function it comes from. What depends on the
 * host (paths that must exist, a rule already loaded, AUDIT_LOCKED, CAP_AUDIT_CONTROL, an
 * AppArmor profile) is not decided here: an accepted rule lists such needs in `hostConditions`.
 */

/** Which LSM answers `security_audit_rule_init` on the target kernel. */
export type KernelLsm =
  /** No LSM registers the audit_rule_init hook: LSM_RET_DEFAULT(audit_rule_init) is 0 (security.c). */
  | 'none'
  /** SELinux with a policy loaded: its -EINVAL answers are kept by audit_data_to_entry. */
  | 'selinux'
  /** SELinux enabled but no policy loaded yet: selinux_audit_rule_init returns -EOPNOTSUPP. */
  | 'selinux-no-policy'
  /** AppArmor: only subj_role =/!= is its own (a label it must parse); the rest is -EINVAL, kept. */
  | 'apparmor';

export interface KernelCheckOptions {
  /** Default `none`. */
  readonly lsm?: KernelLsm;
}

export type KernelRuleVerdict =
  | {
      readonly ok: true;
      /** What the host must also provide for the kernel to accept it (paths that exist, ...). */
      readonly hostConditions: readonly string[];
    }
  | {
      readonly ok: false;
      /** Positive errno the kernel answers with (22 EINVAL, 36 ENAMETOOLONG, 95 EOPNOTSUPP). */
      readonly errno: number;
      readonly errnoName: string;
      readonly reason: string;
      /** The kernel function that refuses. */
      readonly source: string;
      /** Index of the field at fault; absent when the list, action or count is refused. */
      readonly fieldIndex?: number;
    };

const EINVAL = 22;
const ENAMETOOLONG = 36;
const EOPNOTSUPP = 95;

/** AUDIT_FILTER_PREPEND; `audit_to_entry_common` strips only this bit from `flags`. */
const PREPEND = 0x10;
const LIST = { USER: 0, TASK: 1, ENTRY: 2, WATCH: 3, EXIT: 4, EXCLUDE: 5, FS: 6, URING_EXIT: 7 } as const;

/** audit_to_entry_common: lists the switch takes (CONFIG_AUDITSYSCALL=y), and why the others fail. */
export const KERNEL_LISTS: ReadonlyMap<number, string | null> = new Map([
  [LIST.USER, null], [LIST.TASK, null], [LIST.EXIT, null], [LIST.URING_EXIT, null], [LIST.EXCLUDE, null], [LIST.FS, null],
  [LIST.ENTRY, 'AUDIT_FILTER_ENTRY is deprecated'],
  [LIST.WATCH, 'AUDIT_FILTER_WATCH (3) is not a rule list'],
]);

/** audit_to_entry_common: AUDIT_NEVER 0 and AUDIT_ALWAYS 2 only (AUDIT_POSSIBLE is deprecated). */
export const KERNEL_ACTIONS: ReadonlySet<number> = new Set([0, 2]);

/** audit_ops[] / audit_to_op: the fieldflags values that are operators; anything else is Audit_bad. */
export const KERNEL_OPERATORS: ReadonlyMap<number, string> = new Map([
  [0x40000000, '='], [0x30000000, '!='], [0x08000000, '&'], [0x48000000, '&='],
  [0x10000000, '<'], [0x20000000, '>'], [0x50000000, '<='], [0x60000000, '>='],
]);
const EQ = 0x40000000;
const NE = 0x30000000;
const BITMASK_OPS: ReadonlySet<number> = new Set([0x08000000, 0x48000000]);

/** Field ids (include/uapi/linux/audit.h) this file names. */
const F = {
  PID: 0, UID: 1, EUID: 2, SUID: 3, FSUID: 4, GID: 5, EGID: 6, SGID: 7, FSGID: 8, LOGINUID: 9, PERS: 10, ARCH: 11,
  MSGTYPE: 12, SUBJ_USER: 13, SUBJ_ROLE: 14, SUBJ_TYPE: 15, SUBJ_SEN: 16, SUBJ_CLR: 17, PPID: 18, OBJ_USER: 19,
  OBJ_ROLE: 20, OBJ_TYPE: 21, OBJ_LEV_LOW: 22, OBJ_LEV_HIGH: 23, LOGINUID_SET: 24, SESSIONID: 25, FSTYPE: 26,
  DEVMAJOR: 100, DEVMINOR: 101, INODE: 102, EXIT: 103, SUCCESS: 104, WATCH: 105, PERM: 106, DIR: 107, FILETYPE: 108,
  OBJ_UID: 109, OBJ_GID: 110, FIELD_COMPARE: 111, EXE: 112, SADDR_FAM: 113, ARG0: 200, ARG1: 201, ARG2: 202, ARG3: 203,
  FILTERKEY: 210,
} as const;

export type KernelOpClass = 'any' | 'no-bitmask' | 'eq-ne';

/**
 * audit_field_valid, "Check for valid field type and op": every field the kernel knows and the
 * operators it takes. A field missing here is "field not recognized" (-EINVAL).
 */
export const KERNEL_FIELD_OPS: ReadonlyMap<number, KernelOpClass> = new Map<number, KernelOpClass>([
  ...[F.ARG0, F.ARG1, F.ARG2, F.ARG3, F.PERS, F.DEVMINOR].map((f) => [f, 'any'] as const),
  ...[
    F.UID, F.EUID, F.SUID, F.FSUID, F.LOGINUID, F.OBJ_UID, F.GID, F.EGID, F.SGID, F.FSGID, F.OBJ_GID, F.PID, F.MSGTYPE,
    F.PPID, F.DEVMAJOR, F.EXIT, F.SUCCESS, F.INODE, F.SESSIONID, F.SUBJ_SEN, F.SUBJ_CLR, F.OBJ_LEV_LOW, F.OBJ_LEV_HIGH,
    F.SADDR_FAM,
  ].map((f) => [f, 'no-bitmask'] as const),
  ...[
    F.SUBJ_USER, F.SUBJ_ROLE, F.SUBJ_TYPE, F.OBJ_USER, F.OBJ_ROLE, F.OBJ_TYPE, F.WATCH, F.DIR, F.FILTERKEY,
    F.LOGINUID_SET, F.ARCH, F.FSTYPE, F.PERM, F.FILETYPE, F.FIELD_COMPARE, F.EXE,
  ].map((f) => [f, 'eq-ne'] as const),
]);

/** audit_field_valid, first switch: fields allowed only on (or never on) some lists. */
export const KERNEL_FIELD_LISTS: readonly { readonly field: number; readonly only?: readonly number[]; readonly never?: readonly number[] }[] = [
  { field: F.MSGTYPE, only: [LIST.EXCLUDE, LIST.USER] },
  { field: F.FSTYPE, only: [LIST.FS] },
  { field: F.PERM, never: [LIST.URING_EXIT] },
];

/** audit_field_valid, second switch: the filesystem list takes only these fields. */
export const KERNEL_FS_LIST_FIELDS: ReadonlySet<number> = new Set([F.FSTYPE, F.FILTERKEY]);

/** audit_field_valid, "Check for select valid field values" (AF_MAX 46 and AUDIT_MAX_FIELD_COMPARE 25 as of v6.x). */
export const KERNEL_FIELD_VALUES: ReadonlyMap<number, readonly [ok: (v: number) => boolean, what: string]> = new Map([
  [F.LOGINUID_SET, [(v: number) => v === 0 || v === 1, 'must be 0 or 1']],
  [F.PERM, [(v: number) => (v & ~15) === 0, 'has bits beyond AUDIT_PERM_* (15)']],
  [F.FILETYPE, [(v: number) => (v & ~0o170000) === 0, 'has bits beyond S_IFMT']],
  [F.FIELD_COMPARE, [(v: number) => v <= 25, 'is above AUDIT_MAX_FIELD_COMPARE (25)']],
  [F.SADDR_FAM, [(v: number) => v < 46, 'is not below AF_MAX (46)']],
] as const);

/** audit_data_to_entry: uid fields go through make_kuid, gid fields through make_kgid (-1 is invalid). */
export const KERNEL_UID_FIELDS: ReadonlySet<number> = new Set([F.LOGINUID, F.UID, F.EUID, F.SUID, F.FSUID, F.OBJ_UID]);
export const KERNEL_GID_FIELDS: ReadonlySet<number> = new Set([F.GID, F.EGID, F.SGID, F.FSGID, F.OBJ_GID]);
/** audit_data_to_entry: the LSM label fields, unpacked from buf and handed to security_audit_rule_init. */
export const KERNEL_LSM_FIELDS: ReadonlySet<number> = new Set([
  F.SUBJ_USER, F.SUBJ_ROLE, F.SUBJ_TYPE, F.SUBJ_SEN, F.SUBJ_CLR, F.OBJ_USER, F.OBJ_ROLE, F.OBJ_TYPE, F.OBJ_LEV_LOW, F.OBJ_LEV_HIGH,
]);
/** Lists on which audit_to_watch, audit_make_tree and audit_to_inode accept their field. */
const PATH_LISTS: ReadonlySet<number> = new Set([LIST.EXIT, LIST.URING_EXIT]);
const AUDIT_MAX_KEY_LEN = 256;
const PATH_MAX = 4096;
const AUDIT_MAX_FIELDS = 64;
const UID_INVALID = 0xffffffff;
const latin1 = new TextDecoder('latin1');

function fieldName(f: number): string {
  return f === F.LOGINUID_SET ? 'loginuid_set' : (FIELD_NAMES.get(f) ?? `field ${f}`);
}

function opName(op: number): string {
  return OPERATOR_SYMBOLS.get(op) ?? KERNEL_OPERATORS.get(op) ?? `0x${op.toString(16)}`;
}

function refuse(errno: number, reason: string, source: string, fieldIndex?: number): KernelRuleVerdict {
  return { ok: false, errno, errnoName: ERRNO_NAMES.get(errno) ?? `errno ${errno}`, reason, source, ...(fieldIndex === undefined ? {} : { fieldIndex }) };
}

/**
 * Would the kernel take this `audit_rule_data` (AUDIT_ADD_RULE; AUDIT_DEL_RULE parses it the same
 * way before looking the rule up)? Fields are checked in order, as `audit_data_to_entry` does, so
 * the first refusal is the one the kernel reports.
 *
 * @example
 * kernelRuleCheck(compileRule('-a always,task -F uid&=5').rule) // { ok: false, errno: 22, ... fieldIndex: 0 }
 */
export function kernelRuleCheck(rule: AuditRuleData, opts: KernelCheckOptions = {}): KernelRuleVerdict {
  const lsm = opts.lsm ?? 'none';
  const listnr = (rule.flags & ~PREPEND) >>> 0;
  const listWhy = KERNEL_LISTS.get(listnr);
  if (listWhy === undefined) return refuse(EINVAL, `flags ${rule.flags} name no filter list`, 'audit_to_entry_common');
  if (listWhy !== null) return refuse(EINVAL, listWhy, 'audit_to_entry_common');
  if (!KERNEL_ACTIONS.has(rule.action)) {
    return refuse(EINVAL, rule.action === 1 ? 'AUDIT_POSSIBLE is deprecated' : `action ${rule.action} is neither never (0) nor always (2)`, 'audit_to_entry_common');
  }
  if (rule.field_count > AUDIT_MAX_FIELDS) return refuse(EINVAL, `field_count ${rule.field_count} > AUDIT_MAX_FIELDS`, 'audit_to_entry_common');
  const listName = FILTER_LIST_NAMES.get(listnr) ?? String(listnr);

  let remain = rule.bufRest.length + rule.trailing.length;
  for (const s of rule.strings) if (s !== null) remain += s.length;
  const st = { watch: false, tree: false, inode: false, key: false, exe: false };
  const needs: string[] = [];

  for (let i = 0; i < rule.field_count; i++) {
    const op = rule.fieldflags[i]!;
    let type = rule.fields[i]!;
    let val = rule.values[i]!;
    if (!KERNEL_OPERATORS.has(op)) return refuse(EINVAL, `fieldflags 0x${op.toString(16)} is not an operator`, 'audit_to_op', i);
    // Support legacy tests for a valid loginuid: auid -1 becomes AUDIT_LOGINUID_SET 0.
    if (type === F.LOGINUID && val === UID_INVALID) {
      type = F.LOGINUID_SET;
      val = 0;
    }
    const name = fieldName(type);
    const bad = fieldValid(type, op, val, listnr, listName, name);
    if (bad !== undefined) return refuse(EINVAL, bad, 'audit_field_valid', i);

    if (KERNEL_UID_FIELDS.has(type) && val === UID_INVALID) return refuse(EINVAL, `${name} 4294967295 is not a valid uid (make_kuid)`, 'audit_data_to_entry', i);
    if (KERNEL_GID_FIELDS.has(type) && val === UID_INVALID) return refuse(EINVAL, `${name} 4294967295 is not a valid gid (make_kgid)`, 'audit_data_to_entry', i);
    if (type === F.FILTERKEY && (st.key || val > AUDIT_MAX_KEY_LEN)) {
      return refuse(EINVAL, st.key ? 'a second key field' : `key of ${val} bytes > AUDIT_MAX_KEY_LEN 256`, 'audit_data_to_entry', i);
    }
    if (type === F.EXE && (st.exe || val > PATH_MAX)) return refuse(EINVAL, st.exe ? 'a second exe field' : `exe of ${val} bytes > PATH_MAX`, 'audit_data_to_entry', i);
    if (type === F.INODE) {
      const why = pathClash(st, listnr, listName, 'inode') ?? (op !== EQ && op !== NE ? `inode takes only = and !=, not ${opName(op)}` : undefined);
      if (why !== undefined) return refuse(EINVAL, why, 'audit_to_inode', i);
      st.inode = true;
      continue;
    }
    const isString = KERNEL_LSM_FIELDS.has(type) || type === F.WATCH || type === F.DIR || type === F.FILTERKEY || type === F.EXE;
    if (!isString) continue;

    // audit_unpack_string
    if (val === 0 || val > remain) return refuse(EINVAL, `${name} claims ${val} bytes, ${remain} left in buf`, 'audit_unpack_string', i);
    if (val > PATH_MAX) return refuse(ENAMETOOLONG, `${name} of ${val} bytes > PATH_MAX`, 'audit_unpack_string', i);
    remain -= val;
    const bytes = rule.strings[i] ?? new Uint8Array(0);
    const text = latin1.decode(bytes.subarray(0, val));
    const first = bytes[0];
    const last = bytes[val - 1];

    if (KERNEL_LSM_FIELDS.has(type)) {
      const r = lsmRuleInit(lsm, type, op, text);
      if (r.errno !== 0) return refuse(r.errno, r.reason, r.source, i);
      if (r.need !== undefined) needs.push(r.need);
    } else if (type === F.WATCH) {
      if (first !== 0x2f || last === 0x2f) return refuse(EINVAL, `watch path ${text} must start with / and not end with /`, 'audit_to_watch', i);
      const why = pathClash(st, listnr, listName, 'path') ?? (op !== EQ ? `path takes only =, not ${opName(op)}` : undefined);
      if (why !== undefined) return refuse(EINVAL, why, 'audit_to_watch', i);
      st.watch = true;
      needs.push(`the parent directory of ${text} exists (audit_add_watch; else ENOENT)`);
    } else if (type === F.DIR) {
      if (first !== 0x2f) return refuse(EINVAL, `dir path ${text} must start with /`, 'audit_make_tree', i);
      const why = pathClash(st, listnr, listName, 'dir') ?? (op !== EQ ? `dir takes only =, not ${opName(op)}` : undefined);
      if (why !== undefined) return refuse(EINVAL, why, 'audit_make_tree', i);
      st.tree = true;
      needs.push(`${text} exists (audit_add_tree_rule; else ENOENT)`);
    } else if (type === F.FILTERKEY) {
      st.key = true;
    } else {
      if (first !== 0x2f || last === 0x2f) return refuse(EINVAL, `exe path ${text} must start with / and not end with /`, 'audit_alloc_mark', i);
      st.exe = true;
      needs.push(`the parent directory of ${text} exists, and on recent kernels ${text} itself (audit_alloc_mark; else ENOENT)`);
    }
  }
  return { ok: true, hostConditions: needs };
}

function fieldValid(type: number, op: number, val: number, listnr: number, listName: string, name: string): string | undefined {
  for (const row of KERNEL_FIELD_LISTS) {
    if (row.field !== type) continue;
    if (row.only !== undefined && !row.only.includes(listnr)) return `${name} is not allowed on the ${listName} list`;
    if (row.never?.includes(listnr) === true) return `${name} is not allowed on the ${listName} list`;
  }
  if (listnr === LIST.FS && !KERNEL_FS_LIST_FIELDS.has(type)) return `the filesystem list takes only fstype and key, not ${name}`;
  const cls = KERNEL_FIELD_OPS.get(type);
  if (cls === undefined) return `field ${type} is not recognized`;
  if (cls === 'no-bitmask' && BITMASK_OPS.has(op)) return `${name} takes no bitmask operator (${opName(op)})`;
  if (cls === 'eq-ne' && op !== EQ && op !== NE) return `${name} takes only = and !=, not ${opName(op)}`;
  const check = KERNEL_FIELD_VALUES.get(type);
  if (check !== undefined && !check[0](val)) return `${name} value ${val} ${check[1]}`;
  return undefined;
}

function pathClash(st: { watch: boolean; tree: boolean; inode: boolean }, listnr: number, listName: string, name: string): string | undefined {
  if (!PATH_LISTS.has(listnr)) return `${name} is allowed only on the exit and io_uring lists, not ${listName}`;
  if (st.watch || st.tree || st.inode) return `${name} in a rule that already has a path, dir or inode field`;
  return undefined;
}

interface LsmAnswer {
  readonly errno: number;
  readonly reason: string;
  readonly source: string;
  readonly need?: string;
}

const KEPT: LsmAnswer = { errno: 0, reason: '', source: '' };

/** security_audit_rule_init as audit_data_to_entry sees it: -EINVAL is kept, other errors refuse. */
function lsmRuleInit(lsm: KernelLsm, type: number, op: number, text: string): LsmAnswer {
  switch (lsm) {
    case 'none':
    case 'selinux':
      return KEPT;
    case 'selinux-no-policy':
      return { errno: EOPNOTSUPP, reason: `${fieldName(type)}: SELinux has no policy loaded`, source: 'selinux_audit_rule_init' };
    case 'apparmor':
      if (type === F.SUBJ_ROLE && (op === EQ || op === NE)) {
        return { ...KEPT, need: `AppArmor parses the label ${text} (aa_label_parse; a profile that is not loaded is ENOENT)` };
      }
      return KEPT;
  }
}
