import { AUDIT_FILTER } from './tables.js';

/**
 * How libaudit 3.0.9 `audit_rule_fieldpair_data` reads each field's value and on which lists it
 * allows it (verified against libaudit.so over every list × field × operator; see
 * test/rules/differential.test.ts).
 */
export type RuleFieldKind =
  | 'uid' // number, -number, `unset`, or a user name
  | 'gid' // number or a group name
  | 'exit' // number, -number, or an errno name (`-EPERM`)
  | 'msgtype' // number or a message type name
  | 'string' // bytes in buf
  | 'arch' // b32, b64, machine name, AUDIT_ARCH number
  | 'perm' // letters rwxa
  | 'filetype' // ftypetab name
  | 'arg' // number or -number, shown in hex
  | 'sessionid' // number, -number or `unset`
  | 'fstype' // fstypetab name or number
  | 'saddr_fam' // address family number (or name, here)
  | 'number'; // a plain number

const KIND_ROWS: readonly (readonly [RuleFieldKind, readonly number[]])[] = [
  ['uid', [1, 2, 3, 4, 9, 109]],
  ['gid', [5, 6, 7, 8, 110]],
  ['exit', [103]],
  ['msgtype', [12]],
  ['string', [13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 105, 107, 112, 210]],
  ['arch', [11]],
  ['perm', [106]],
  ['filetype', [108]],
  ['arg', [200, 201, 202, 203]],
  ['sessionid', [25]],
  ['fstype', [26]],
  ['saddr_fam', [113]],
];

export const RULE_FIELD_KINDS: ReadonlyMap<number, RuleFieldKind> = new Map(KIND_ROWS.flatMap(([kind, ids]) => ids.map((id) => [id, kind] as const)));

export function ruleFieldKind(field: number): RuleFieldKind {
  return RULE_FIELD_KINDS.get(field) ?? 'number';
}

/** Fields libaudit allows on the exclude list (else error -12). */
export const EXCLUDE_FIELDS: ReadonlySet<number> = new Set([0, 1, 5, 9, 12, 13, 14, 15, 16, 17, 112]);

/** Fields only the exit list takes (else error -7): object labels, paths, exit-time values, ppid. */
export const EXIT_ONLY_FIELDS: ReadonlySet<number> = new Set([18, 19, 20, 21, 22, 23, 100, 101, 102, 103, 104, 105, 106, 107, 108]);

/** msgtype only on the user and exclude lists (error -9). */
export const MSGTYPE_LISTS: ReadonlySet<number> = new Set([AUDIT_FILTER.USER, AUDIT_FILTER.EXCLUDE]);

/** sessionid only on exclude, user and exit (error -31). */
export const SESSIONID_LISTS: ReadonlySet<number> = new Set([AUDIT_FILTER.USER, AUDIT_FILTER.EXCLUDE, AUDIT_FILTER.EXIT]);

/** Fields that take only `=` and `!=` (error -13). perm takes only `=` (error -29). */
export const EQ_NE_ONLY_FIELDS: ReadonlySet<number> = new Set([11, 26, 102, 112]);

/** Longest string libaudit accepts: AUDIT_MAX_KEY_LEN for key, PATH_MAX for the rest (error -11). */
export const AUDIT_MAX_KEY_LEN = 256;
export const PATH_MAX = 4096;

/** uid-type `unset`, AUDIT_UID_UNSET. */
export const AUDIT_UID_UNSET = 0xffffffff;
