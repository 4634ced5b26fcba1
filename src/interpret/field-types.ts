import { NS_KINDS } from '../audit/dialects/ns-inodes.js';

/**
 * How each field is interpreted: the field-type table of libauparse 3.0.9 (`auparse/typetab.h`,
 * built WITH_APPARMOR as Debian does) and its per-record overrides
 * (`auparse_interp_adjust_type` in `auparse/interpret.c`), as data. The rules engineer reuses the
 * names; a user whose kernel logs new fields adds them with `fieldKindTable([...])`.
 */

/**
 * The interpretation kinds, with the AUPARSE_TYPE_* number libauparse reports for each field of
 * that kind (`ns-inode`, this library's own, is 0: libauparse leaves those fields unclassified).
 */
export const FIELD_KIND_NUMBERS = {
  unclassified: 0, uid: 1, gid: 2, syscall: 3, arch: 4, exit: 5, escaped: 6, perm: 7, mode: 8,
  sockaddr: 9, flags: 10, promisc: 11, capability: 12, success: 13, a0: 14, a1: 15, a2: 16, a3: 17,
  signal: 18, list: 19, 'tty-data': 20, session: 21, 'cap-bitmap': 22, nfproto: 23, icmptype: 24,
  protocol: 25, addr: 26, personality: 27, seccomp: 28, oflag: 29, mmap: 30, 'mode-short': 31,
  'mac-label': 32, proctitle: 33, hook: 34, netaction: 35, macproto: 36, 'ioctl-req': 37,
  'escaped-key': 38, 'escaped-file': 39, fanotify: 40, nlmcgrp: 41, resolve: 42,
  // Not an auparse kind: namespace inodes, which libauparse reports as unclassified (0).
  'ns-inode': 0,
} as const;

export type FieldKind = keyof typeof FIELD_KIND_NUMBERS;

const BASE: readonly (readonly [string, FieldKind])[] = [
  ['auid', 'uid'], ['uid', 'uid'], ['euid', 'uid'], ['suid', 'uid'], ['fsuid', 'uid'], ['ouid', 'uid'],
  ['oauid', 'uid'], ['old-auid', 'uid'], ['iuid', 'uid'], ['id', 'uid'], ['inode_uid', 'uid'],
  ['sauid', 'uid'], ['obj_uid', 'uid'],
  ['obj_gid', 'gid'], ['gid', 'gid'], ['egid', 'gid'], ['sgid', 'gid'], ['fsgid', 'gid'], ['ogid', 'gid'],
  ['igid', 'gid'], ['inode_gid', 'gid'], ['new_gid', 'gid'],
  ['syscall', 'syscall'], ['arch', 'arch'], ['exit', 'exit'],
  ['path', 'escaped'], ['comm', 'escaped'], ['exe', 'escaped'], ['file', 'escaped'], ['name', 'escaped-file'],
  ['watch', 'escaped'], ['cwd', 'escaped'], ['cmd', 'escaped'], ['acct', 'escaped'], ['dir', 'escaped'],
  ['key', 'escaped-key'], ['vm', 'escaped'], ['old-chardev', 'escaped'], ['new-chardev', 'escaped'],
  ['old-disk', 'escaped'], ['new-disk', 'escaped'], ['old-fs', 'escaped'], ['new-fs', 'escaped'],
  ['old-net', 'escaped'], ['new-net', 'escaped'], ['device', 'escaped'], ['cgroup', 'escaped'],
  ['perm', 'perm'], ['perm_mask', 'perm'], ['mode', 'mode'], ['saddr', 'sockaddr'],
  ['prom', 'promisc'], ['old_prom', 'promisc'], ['capability', 'capability'],
  ['res', 'success'], ['result', 'success'],
  ['a0', 'a0'], ['a1', 'a1'], ['a2', 'a2'], ['a3', 'a3'],
  ['sig', 'signal'], ['list', 'list'], ['data', 'tty-data'], ['ses', 'session'],
  ['cap_pi', 'cap-bitmap'], ['cap_pe', 'cap-bitmap'], ['cap_pp', 'cap-bitmap'], ['cap_pa', 'cap-bitmap'],
  ['cap_fi', 'cap-bitmap'], ['cap_fp', 'cap-bitmap'], ['fp', 'cap-bitmap'], ['fi', 'cap-bitmap'],
  ['old_pp', 'cap-bitmap'], ['old_pi', 'cap-bitmap'], ['old_pe', 'cap-bitmap'], ['old_pa', 'cap-bitmap'],
  ['new_pp', 'cap-bitmap'], ['new_pi', 'cap-bitmap'], ['new_pe', 'cap-bitmap'],
  ['pp', 'cap-bitmap'], ['pi', 'cap-bitmap'], ['pe', 'cap-bitmap'], ['pa', 'cap-bitmap'],
  ['family', 'nfproto'], ['icmptype', 'icmptype'], ['proto', 'protocol'], ['addr', 'addr'],
  ['apparmor', 'escaped'], ['operation', 'escaped'], ['denied_mask', 'escaped'], ['info', 'escaped'],
  ['profile', 'escaped'], ['requested_mask', 'escaped'],
  ['per', 'personality'], ['code', 'seccomp'], ['old-rng', 'escaped'], ['new-rng', 'escaped'],
  ['oflag', 'oflag'], ['ocomm', 'escaped'], ['flags', 'mmap'], ['sigev_signo', 'signal'],
  ['subj', 'mac-label'], ['obj', 'mac-label'], ['scontext', 'mac-label'], ['tcontext', 'mac-label'],
  ['vm-ctx', 'mac-label'], ['img-ctx', 'mac-label'], ['proctitle', 'proctitle'],
  ['grp', 'escaped'], ['new_group', 'escaped'], ['hook', 'hook'], ['action', 'netaction'],
  ['macproto', 'macproto'], ['invalid_context', 'escaped'], ['ioctlcmd', 'ioctl-req'],
  ['resp', 'fanotify'], ['sw', 'escaped'], ['root_dir', 'escaped'], ['nl-mcgrp', 'nlmcgrp'],
  ['resolve', 'resolve'],
  // Beyond libauparse: `<kind>ns=` / `old_<kind>ns=` of the namespace and container-id records
  // (src/audit/dialects) carry namespace inodes; the initial namespaces' inodes get names.
  ...NS_KINDS.flatMap((k): (readonly [string, FieldKind])[] => [[`${k}ns`, 'ns-inode'], [`old_${k}ns`, 'ns-inode']]),
];

/**
 * A field-name → kind table: libauparse's, plus `extra` entries (which win).
 *
 * @example fieldKindTable([['my_uid', 'uid']]).get('my_uid') // → 'uid'
 */
export function fieldKindTable(extra: Iterable<readonly [string, FieldKind]> = []): ReadonlyMap<string, FieldKind> {
  return new Map([...BASE, ...extra]);
}

/** The default table. */
export const FIELD_KINDS: ReadonlyMap<string, FieldKind> = fieldKindTable();

const T = { TRUSTED_APP: 1121, EXECVE: 1309, AVC: 1400, USER_TTY: 1124, NETFILTER_PKT: 1324, PATH: 1302, MQ_OPEN: 1312, CRYPTO_KEY_USER: 2404, ADD_GROUP: 1116, DEL_GROUP: 1117, GRP_MGMT: 1132 } as const;

/**
 * The kind of one field of one record, with libauparse's per-record overrides: EXECVE `aN` are
 * strings, AVC `saddr` is plain, NETFILTER_PKT `saddr` is an address, `acct` is a string only
 * when quoted or hex, TRUSTED_APP fields (free-form, from any application) are strings when
 * quoted and plain otherwise, PATH `flags` are PATH flags, MQ_OPEN `mode` is short, CRYPTO_KEY_USER `fp`
 * is a fingerprint, and `id` is a group in group records.
 *
 * @example fieldKind(1300, 'a0', '10000000') // → 'a0'
 */
export function fieldKind(recordType: number, name: string, raw: string, table: ReadonlyMap<string, FieldKind> = FIELD_KINDS): FieldKind {
  // The overrides of auparse_interp_adjust_type, tested by record type first (one comparison for
  // most records) and only then by name.
  switch (recordType) {
    case T.TRUSTED_APP:
      return raw.charCodeAt(0) === 0x22 ? 'escaped' : 'unclassified';
    case T.EXECVE:
      if (name.charCodeAt(0) === 0x61 && name !== 'argc' && !name.includes('_len')) return 'escaped';
      break;
    case T.AVC:
      if (name === 'saddr') return 'unclassified';
      break;
    case T.USER_TTY:
      if (name === 'msg') return 'escaped';
      break;
    case T.NETFILTER_PKT:
      if (name === 'saddr') return 'addr';
      break;
    case T.PATH:
      if (name === 'flags') return 'flags';
      break;
    case T.MQ_OPEN:
      if (name === 'mode') return 'mode-short';
      break;
    case T.CRYPTO_KEY_USER:
      if (name === 'fp') return 'unclassified';
      break;
    case T.ADD_GROUP:
    case T.GRP_MGMT:
    case T.DEL_GROUP:
      if (name === 'id') return 'gid';
      break;
    default:
      break;
  }
  if (name === 'acct') return raw.charCodeAt(0) === 0x22 || isHexString(raw) ? 'escaped' : 'unclassified';
  return table.get(name) ?? 'unclassified';
}

/**
 * libauparse's `is_hex_string`: only hex digits of either case (any length).
 *
 * @example isHexString('c0ffee') // → true
 */
export function isHexString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}
