import { LIBAUDIT_ACTIONS, LIBAUDIT_FIELDS, LIBAUDIT_FILTER_LISTS, LIBAUDIT_OPERATORS } from '../tables/libaudit.generated.js';

/**
 * The small tables auditctl syntax needs beyond the shared libaudit tables in `src/tables/`.
 * Sources: include/uapi/linux/audit.h (reference §3.5–§3.7) and audit-userspace 3.0.9
 * lib/flagtab.h, lib/ftypetab.h, lib/fstypetab.h, src/auditctl-listing.c.
 */

/** AUDIT_FILTER_* list numbers (reference §3.5). */
export const AUDIT_FILTER = { USER: 0, TASK: 1, ENTRY: 2, WATCH: 3, EXIT: 4, EXCLUDE: 5, FS: 6, URING_EXIT: 7 } as const;
export const AUDIT_FILTER_PREPEND = 0x10;
export const AUDIT_FILTER_MASK = 0x07;

/** AUDIT_NEVER / AUDIT_POSSIBLE / AUDIT_ALWAYS. */
export const AUDIT_ACTION = { NEVER: 0, POSSIBLE: 1, ALWAYS: 2 } as const;

/**
 * List names auditctl accepts after `-a`: libaudit 3.0.9's flagtab plus `io_uring`
 * (AUDIT_FILTER_URING_EXIT, named so by audit-userspace 3.1; 3.0.9 does not know it).
 */
export const FILTER_LIST_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...LIBAUDIT_FILTER_LISTS.map(([n, s]) => [s, n] as const),
  ['io_uring', AUDIT_FILTER.URING_EXIT],
]);
export const FILTER_LIST_NAMES: ReadonlyMap<number, string> = new Map([...FILTER_LIST_NUMBERS].map(([s, n]) => [n, s]));

export const ACTION_NUMBERS: ReadonlyMap<string, number> = new Map(LIBAUDIT_ACTIONS.map(([n, s]) => [s, n]));
export const ACTION_NAMES: ReadonlyMap<number, string> = new Map(LIBAUDIT_ACTIONS);

/** Operator symbol → fieldflags value, and back (lib/optab.h). */
export const OPERATOR_VALUES: ReadonlyMap<string, number> = new Map(LIBAUDIT_OPERATORS.map(([n, s]) => [s, n]));
export const OPERATOR_SYMBOLS: ReadonlyMap<number, string> = new Map(LIBAUDIT_OPERATORS);
/** The order libaudit's audit_rule_fieldpair_data searches for operators: two-byte ones first. */
export const OPERATOR_SEARCH_ORDER = ['!=', '>=', '<=', '&=', '=', '>', '<', '&'] as const;
export const AUDIT_OPERATORS_MASK = 0x78000000;
export const AUDIT_EQUAL = 0x40000000;
export const AUDIT_NOT_EQUAL = 0x30000000;

/** Field id → auditctl name (lib/fieldtab.h); `loginuid` is accepted as an alias of `auid`. */
export const FIELD_NAMES: ReadonlyMap<number, string> = new Map(LIBAUDIT_FIELDS);
export const FIELD_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...LIBAUDIT_FIELDS.map(([n, s]) => [s, n] as const),
  ['loginuid', 9],
]);

/** AUDIT_PERM_* bits in the order auditctl prints them (`-p rwxa`). */
export const PERM_LETTERS: readonly (readonly [string, number])[] = [['r', 4], ['w', 2], ['x', 1], ['a', 8]];

/** `-F filetype=` names (lib/ftypetab.h): S_IFMT values. */
export const FILETYPE_VALUES: ReadonlyMap<string, number> = new Map([
  ['block', 0o060000], ['character', 0o020000], ['dir', 0o040000], ['fifo', 0o010000],
  ['link', 0o120000], ['file', 0o100000], ['socket', 0o140000],
]);

/** `-F fstype=` names (lib/fstypetab.h): filesystem magic numbers. */
export const FSTYPE_VALUES: ReadonlyMap<string, number> = new Map([
  ['debugfs', 0x64626720], ['tracefs', 0x74726163],
]);
export const FSTYPE_NAMES: ReadonlyMap<number, string> = new Map([...FSTYPE_VALUES].map(([s, n]) => [n, s]));

/**
 * `-F saddr_fam=` names (include/linux/socket.h AF_*). libaudit 3.0.9 reads this field with
 * strtoul only, so a name there becomes 0; this library accepts these names (docs/rules.md).
 */
export const SADDR_FAM_VALUES: ReadonlyMap<string, number> = new Map([
  ['unix', 1], ['local', 1], ['inet', 2], ['ax25', 3], ['ipx', 4], ['appletalk', 5], ['netrom', 6],
  ['bridge', 7], ['atmpvc', 8], ['x25', 9], ['inet6', 10], ['rose', 11], ['decnet', 12], ['netbeui', 13],
  ['security', 14], ['key', 15], ['netlink', 16], ['packet', 17], ['ash', 18], ['econet', 19],
  ['atmsvc', 20], ['rds', 21], ['sna', 22], ['irda', 23], ['pppox', 24], ['wanpipe', 25], ['llc', 26],
  ['ib', 27], ['mpls', 28], ['can', 29], ['tipc', 30], ['bluetooth', 31], ['iucv', 32], ['rxrpc', 33],
  ['isdn', 34], ['phonet', 35], ['ieee802154', 36], ['caif', 37], ['alg', 38], ['nfc', 39], ['vsock', 40],
  ['kcm', 41], ['qipcrtr', 42], ['smc', 43], ['xdp', 44], ['mctp', 45],
]);
/** AF_MAX as glibc 2.36 defines it; libaudit refuses saddr_fam values at or above it. */
export const AF_MAX = 46;

/**
 * `-C` comparisons (reference §3.7 AUDIT_COMPARE_*): id → the left and right field names
 * auditctl -l prints. Compiling looks the pair up in either order, as libaudit does.
 */
export const COMPARISONS: readonly (readonly [number, string, string])[] = [
  [1, 'uid', 'obj_uid'], [2, 'gid', 'obj_gid'], [3, 'euid', 'obj_uid'], [4, 'egid', 'obj_gid'],
  [5, 'auid', 'obj_uid'], [6, 'suid', 'obj_uid'], [7, 'sgid', 'obj_gid'], [8, 'fsuid', 'obj_uid'],
  [9, 'fsgid', 'obj_gid'], [10, 'uid', 'auid'], [11, 'uid', 'euid'], [12, 'uid', 'fsuid'],
  [13, 'uid', 'suid'], [14, 'auid', 'fsuid'], [15, 'auid', 'suid'], [16, 'auid', 'euid'],
  [17, 'euid', 'suid'], [18, 'euid', 'fsuid'], [19, 'suid', 'fsuid'], [20, 'gid', 'egid'],
  [21, 'gid', 'fsgid'], [22, 'gid', 'sgid'], [23, 'egid', 'fsgid'], [24, 'egid', 'sgid'],
  [25, 'sgid', 'fsgid'],
];

/** AUDIT_SYSCALL_CLASSES: the kernel clears these top bits of mask[63] when it stores a rule. */
export const SYSCALL_CLASS_BITS = 0xffff0000;
