import { LIBAUDIT_FILTER_LISTS } from '../tables/libaudit.generated.js';

/**
 * Flag and constant tables auparse prints names from. Values are the Linux uapi constants
 * (x86/generic numbering); names and order follow libauparse 3.0.9's tables: `clone-flagtab.h`,
 * `open-flagtab.h`, `mmaptab.h`, `captab.h`, `signaltab.h`, `famtab.h`, `nfprototab.h`,
 * `seccomptab.h`, `persontab.h`, `openat2-resolvetab.h`, `socktypetab.h`, `flagtab.h` (libaudit).
 */

/**
 * `CLONE_*` (include/uapi/linux/sched.h) as clone-flagtab.h of libauparse 3.0.9 lists them
 * (without CLONE_PIDFD; 0x02000000 keeps its old name CLONE_STOPPED, not CLONE_NEWCGROUP). The low byte of
 * clone's a0 is the exit signal.
 */
export const CLONE_FLAGS: readonly (readonly [number, string])[] = [
  [0x00000100, 'CLONE_VM'], [0x00000200, 'CLONE_FS'], [0x00000400, 'CLONE_FILES'], [0x00000800, 'CLONE_SIGHAND'],
  [0x00002000, 'CLONE_PTRACE'], [0x00004000, 'CLONE_VFORK'], [0x00008000, 'CLONE_PARENT'],
  [0x00010000, 'CLONE_THREAD'], [0x00020000, 'CLONE_NEWNS'], [0x00040000, 'CLONE_SYSVSEM'], [0x00080000, 'CLONE_SETTLS'],
  [0x00100000, 'CLONE_PARENT_SETTID'], [0x00200000, 'CLONE_CHILD_CLEARTID'], [0x00400000, 'CLONE_DETACHED'],
  [0x00800000, 'CLONE_UNTRACED'], [0x01000000, 'CLONE_CHILD_SETTID'], [0x02000000, 'CLONE_STOPPED'],
  [0x04000000, 'CLONE_NEWUTS'], [0x08000000, 'CLONE_NEWIPC'], [0x10000000, 'CLONE_NEWUSER'],
  [0x20000000, 'CLONE_NEWPID'], [0x40000000, 'CLONE_NEWNET'], [0x80000000, 'CLONE_IO'],
];

/**
 * `O_*` open flags (asm-generic/fcntl.h) under the names open-flagtab.h uses (`__O_SYNC`,
 * `__O_TMPFILE`; O_LARGEFILE is 0 on 64-bit userland, so it is absent). O_RDONLY is printed when
 * the access mode is 0.
 */
export const OPEN_FLAGS: readonly (readonly [number, string])[] = [
  [0o1, 'O_WRONLY'], [0o2, 'O_RDWR'], [0o100, 'O_CREAT'], [0o200, 'O_EXCL'], [0o400, 'O_NOCTTY'],
  [0o1000, 'O_TRUNC'], [0o2000, 'O_APPEND'], [0o4000, 'O_NONBLOCK'], [0o10000, 'O_DSYNC'],
  [0o20000, 'O_ASYNC'], [0o40000, 'O_DIRECT'], [0o200000, 'O_DIRECTORY'], [0o400000, 'O_NOFOLLOW'],
  [0o1000000, 'O_NOATIME'], [0o2000000, 'O_CLOEXEC'], [0o4000000, '__O_SYNC'], [0o10000000, 'O_PATH'],
  [0o20000000, '__O_TMPFILE'],
];

/** `MAP_*` (asm-generic/mman*.h, x86); MAP_FILE is printed when the type bits are 0. */
export const MMAP_FLAGS: readonly (readonly [number, string])[] = [
  [0x1, 'MAP_SHARED'], [0x2, 'MAP_PRIVATE'], [0x10, 'MAP_FIXED'], [0x20, 'MAP_ANONYMOUS'], [0x40, 'MAP_32BIT'],
  [0x100, 'MAP_GROWSDOWN'], [0x800, 'MAP_DENYWRITE'], [0x1000, 'MAP_EXECUTABLE'], [0x2000, 'MAP_LOCKED'],
  [0x4000, 'MAP_NORESERVE'], [0x8000, 'MAP_POPULATE'], [0x10000, 'MAP_NONBLOCK'], [0x20000, 'MAP_STACK'],
  [0x40000, 'MAP_HUGETLB'], [0x80000, 'MAP_SYNC'], [0x100000, 'MAP_FIXED_NOREPLACE'], [0x4000000, 'MAP_UNINITIALIZED'],
];

/** Capability numbers (include/uapi/linux/capability.h), lower-case as auparse prints them. */
export const CAPABILITIES: readonly string[] = [
  'chown', 'dac_override', 'dac_read_search', 'fowner', 'fsetid', 'kill', 'setgid', 'setuid', 'setpcap',
  'linux_immutable', 'net_bind_service', 'net_broadcast', 'net_admin', 'net_raw', 'ipc_lock', 'ipc_owner',
  'sys_module', 'sys_rawio', 'sys_chroot', 'sys_ptrace', 'sys_pacct', 'sys_admin', 'sys_boot', 'sys_nice',
  'sys_resource', 'sys_time', 'sys_tty_config', 'mknod', 'lease', 'audit_write', 'audit_control', 'setfcap',
  'mac_override', 'mac_admin', 'syslog', 'wake_alarm', 'block_suspend', 'audit_read', 'perfmon', 'bpf',
  'checkpoint_restore',
];

/** Signal numbers 1..31 (asm-generic/signal.h, x86 numbering). */
export const SIGNALS: readonly string[] = [
  'SIG0', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1',
  'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP',
  'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR',
  'SIGSYS',
];

/** Socket address families auparse names (famtab.h; AF_* from linux/socket.h). */
export const SOCKET_FAMILIES: ReadonlyMap<number, string> = new Map([
  [1, 'local'], [2, 'inet'], [3, 'ax25'], [4, 'ipx'], [5, 'appletalk'], [6, 'netrom'], [7, 'bridge'],
  [8, 'atmpvc'], [9, 'x25'], [10, 'inet6'], [11, 'rose'], [12, 'decnet'], [13, 'netbeui'], [14, 'security'],
  [15, 'key'], [16, 'netlink'], [17, 'packet'], [18, 'ash'], [19, 'econet'], [20, 'atmsvc'], [22, 'sna'],
  [21, 'rds'], [23, 'irda'], [24, 'pppox'], [25, 'wanpipe'], [26, 'llc'], [29, 'can'], [30, 'tipc'],
  [31, 'bluetooth'], [32, 'iucv'], [33, 'rxrpc'], [34, 'isdn'], [35, 'phonet'], [36, 'ieee802154'], [37, 'caif'],
  [38, 'alg'], [39, 'nfc'], [40, 'vsock'], [41, 'kcm'], [42, 'qipcrtr'], [43, 'smc'], [44, 'xdp'],
]);

/** Netfilter protocol families (`NFPROTO_*`, nfprototab.h). */
export const NFPROTO: ReadonlyMap<number, string> = new Map([
  [0, 'unspecified'], [1, 'inet'], [2, 'ipv4'], [3, 'arp'], [5, 'netdev'], [7, 'bridge'], [10, 'ipv6'], [12, 'decnet'],
]);

/**
 * IP protocol names for `proto=` and socket(2)'s protocol: libauparse asks getprotobynumber(), i.e.
 * the host's /etc/protocols; this is Debian 12's (netbase 6.4), first name per number.
 */
export const IP_PROTOCOLS: ReadonlyMap<number, string> = new Map([
  [0, 'ip'], [1, 'icmp'], [2, 'igmp'], [3, 'ggp'], [4, 'ipencap'], [5, 'st'], [6, 'tcp'], [8, 'egp'],
  [9, 'igp'], [12, 'pup'], [17, 'udp'], [20, 'hmp'], [22, 'xns-idp'], [27, 'rdp'], [29, 'iso-tp4'],
  [33, 'dccp'], [36, 'xtp'], [37, 'ddp'], [38, 'idpr-cmtp'], [41, 'ipv6'], [43, 'ipv6-route'],
  [44, 'ipv6-frag'], [45, 'idrp'], [46, 'rsvp'], [47, 'gre'], [50, 'esp'], [51, 'ah'], [57, 'skip'],
  [58, 'ipv6-icmp'], [59, 'ipv6-nonxt'], [60, 'ipv6-opts'], [73, 'rspf'], [81, 'vmtp'], [88, 'eigrp'],
  [89, 'ospf'], [93, 'ax.25'], [94, 'ipip'], [97, 'etherip'], [98, 'encap'], [103, 'pim'], [108, 'ipcomp'],
  [112, 'vrrp'], [115, 'l2tp'], [124, 'isis'], [132, 'sctp'], [133, 'fc'], [135, 'mobility-header'],
  [136, 'udplite'], [137, 'mpls-in-ip'], [138, 'manet'], [139, 'hip'], [140, 'shim6'], [141, 'wesp'],
  [142, 'rohc'], [143, 'ethernet'], [262, 'mptcp'],
]);

/** seccomp return actions (`SECCOMP_RET_*`, seccomptab.h) by `code & 0x7fff0000`, so KILL_PROCESS reads as kill. */
export const SECCOMP_ACTIONS: ReadonlyMap<number, string> = new Map([
  [0x00000000, 'kill'], [0x00030000, 'trap'], [0x00050000, 'errno'], [0x7ff00000, 'trace'], [0x7ffc0000, 'log'],
  [0x7fff0000, 'allow'],
]);

/** Personalities (persontab.h); ADDR_NO_RANDOMIZE is printed as a suffix. */
export const PERSONALITIES: ReadonlyMap<number, string> = new Map([
  [0x0000, 'PER_LINUX'], [0x0800000, 'PER_LINUX_32BIT'], [0x4100001, 'PER_SVR4'], [0x5000002, 'PER_SVR3'],
  [0x7000003, 'PER_SCOSVR3'], [0x6000003, 'PER_OSR5'], [0x5000004, 'PER_WYSEV386'], [0x4000005, 'PER_ISCR4'],
  [0x0000006, 'PER_BSD'], [0x4000006, 'PER_SUNOS'], [0x5000007, 'PER_XENIX'], [0x0000008, 'PER_LINUX32'],
  [0x8000008, 'PER_LINUX32_3GB'], [0x4000009, 'PER_IRIX32'], [0x400000a, 'PER_IRIXN32'], [0x400000b, 'PER_IRIX64'],
  [0x000000c, 'PER_RISCOS'], [0x400000d, 'PER_SOLARIS'], [0x410000e, 'PER_UW7'], [0x000000f, 'PER_OSF4'],
  [0x0000010, 'PER_HPUX'],
]);

/** `RESOLVE_*` of openat2 (include/uapi/linux/openat2.h). */
export const RESOLVE_FLAGS: readonly (readonly [number, string])[] = [
  [0x01, 'RESOLVE_NO_XDEV'], [0x02, 'RESOLVE_NO_MAGICLINKS'], [0x04, 'RESOLVE_NO_SYMLINKS'],
  [0x08, 'RESOLVE_BENEATH'], [0x10, 'RESOLVE_IN_ROOT'], [0x20, 'RESOLVE_CACHED'],
];

/** Socket types (`SOCK_*`, socktypetab.h). */
export const SOCKET_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'SOCK_STREAM'], [2, 'SOCK_DGRAM'], [3, 'SOCK_RAW'], [4, 'SOCK_RDM'], [5, 'SOCK_SEQPACKET'],
  [6, 'SOCK_DCCP'], [10, 'SOCK_PACKET'],
]);

/** Rule filter lists for `list=`: libaudit's names (the shared table src/tables, lib/flagtab.h). */
export const FILTER_LISTS: ReadonlyMap<number, string> = new Map(LIBAUDIT_FILTER_LISTS);

/** fanotify responses (`FAN_ALLOW`/`FAN_DENY`). */
export const FANOTIFY_RESPONSES: ReadonlyMap<number, string> = new Map([[1, 'allow'], [2, 'deny']]);

/** Audit netlink multicast groups (`AUDIT_NLGRP_*`). */
export const NETLINK_MCGROUPS: ReadonlyMap<number, string> = new Map([[1, 'audit-netlink-multicast']]);

/**
 * Terminal byte sequences auparse names in TTY data (tty_named_keys.h of libauparse 3.0.9: the
 * control characters, then the terminfo keys in their 7-bit `ESC [`/`ESC O` and 8-bit CSI/SS3
 * forms, then ESC alone). The key sequences were read back from libauparse 3.0.9 itself, one
 * sequence per record; they are listed longest first, which gives the same first match as its
 * table for every sequence checked. First match wins.
 */
export const TTY_NAMED_KEYS: readonly (readonly [string, string])[] = [
  ...Array.from({ length: 26 }, (_, i): readonly [string, string] => {
    const seq = String.fromCharCode(i + 1);
    const named: Record<string, string> = { '\b': 'backspace', '\t': 'tab', '\n': 'nl', '\r': 'ret' };
    return [seq, named[seq] ?? `^${String.fromCharCode(0x41 + i)}`];
  }),
  ['\x7f', 'backspace'],
  ['\x1b[15;2~', 'F17'], ['\x1b[15;3~', 'F53'], ['\x1b[15;5~', 'F29'], ['\x1b[15;6~', 'F41'], ['\x1b[17;2~', 'F18'],
  ['\x1b[17;3~', 'F54'], ['\x1b[17;5~', 'F30'], ['\x1b[17;6~', 'F42'], ['\x1b[18;2~', 'F19'], ['\x1b[18;3~', 'F55'],
  ['\x1b[18;5~', 'F31'], ['\x1b[18;6~', 'F43'], ['\x1b[19;2~', 'F20'], ['\x1b[19;3~', 'F56'], ['\x1b[19;5~', 'F32'],
  ['\x1b[19;6~', 'F44'], ['\x1b[20;2~', 'F21'], ['\x1b[20;3~', 'F57'], ['\x1b[20;5~', 'F33'], ['\x1b[20;6~', 'F45'],
  ['\x1b[21;2~', 'F22'], ['\x1b[21;3~', 'F58'], ['\x1b[21;5~', 'F34'], ['\x1b[21;6~', 'F46'], ['\x1b[23;2~', 'F23'],
  ['\x1b[23;3~', 'F59'], ['\x1b[23;5~', 'F35'], ['\x1b[23;6~', 'F47'], ['\x1b[24;2~', 'F24'], ['\x1b[24;3~', 'F60'],
  ['\x1b[24;5~', 'F36'], ['\x1b[24;6~', 'F48'], ['\x1b[1;2A', 'scroll-backward'], ['\x1b[1;2B', 'scroll-forward'],
  ['\x1b[1;2C', 'shift-right'], ['\x1b[1;2D', 'shift-left'], ['\x1b[1;2F', 'shift-end'], ['\x1b[1;2H', 'shift-home'],
  ['\x1b[2;2~', 'shift-insert'], ['\x1b[2;5~', 'shift-insert'], ['\x1b[3;2~', 'shift-del'],
  ['\x1b[3;5~', 'shift-del'], ['\x1b[5;2~', 'shift-previous'], ['\x1b[5;5~', 'shift-previous'],
  ['\x1b[6;2~', 'shift-next'], ['\x1b[6;5~', 'shift-next'], ['\x1b[11^', 'F23'], ['\x1b[11~', 'F1'],
  ['\x1b[12^', 'F24'], ['\x1b[12~', 'F2'], ['\x1b[13^', 'F25'], ['\x1b[13~', 'F3'], ['\x1b[14^', 'F26'],
  ['\x1b[14~', 'F4'], ['\x1b[15^', 'F27'], ['\x1b[15~', 'F5'], ['\x1b[17^', 'F28'], ['\x1b[17~', 'F6'],
  ['\x1b[18^', 'F29'], ['\x1b[18~', 'F7'], ['\x1b[19^', 'F30'], ['\x1b[19~', 'F8'], ['\x1b[20^', 'F31'],
  ['\x1b[20~', 'F9'], ['\x1b[21^', 'F32'], ['\x1b[21~', 'F10'], ['\x1b[23$', 'F21'], ['\x1b[23@', 'F43'],
  ['\x1b[23^', 'F33'], ['\x1b[23~', 'F11'], ['\x1b[24$', 'F22'], ['\x1b[24@', 'F44'], ['\x1b[24^', 'F34'],
  ['\x1b[24~', 'F12'], ['\x1b[25^', 'F35'], ['\x1b[25~', 'F13'], ['\x1b[26^', 'F36'], ['\x1b[26~', 'F14'],
  ['\x1b[28^', 'F37'], ['\x1b[28~', 'F15'], ['\x1b[29^', 'F38'], ['\x1b[29~', 'F16'], ['\x1b[30~', 'insert-line'],
  ['\x1b[31^', 'F39'], ['\x1b[31~', 'F17'], ['\x1b[32^', 'F40'], ['\x1b[32~', 'F18'], ['\x1b[33^', 'F41'],
  ['\x1b[33~', 'F19'], ['\x1b[34^', 'F42'], ['\x1b[34~', 'F20'], ['\x1b[1~', 'home'], ['\x1b[2$', 'shift-insert'],
  ['\x1b[2~', 'insert'], ['\x1b[3$', 'shift-del'], ['\x1b[3~', 'delete'], ['\x1b[4~', 'end'],
  ['\x1b[5$', 'shift-previous'], ['\x1b[5~', 'page-up'], ['\x1b[6$', 'shift-next'], ['\x1b[6~', 'page-down'],
  ['\x1b[7$', 'shift-home'], ['\x1b[7~', 'home'], ['\x1b[8$', 'shift-end'], ['\x1b[8^', 'delete-eol'],
  ['\x1b[8~', 'end'], ['\x9b11~', 'F1'], ['\x9b12~', 'F2'], ['\x9b13~', 'F3'], ['\x9b14~', 'F4'], ['\x9b15~', 'F5'],
  ['\x9b17~', 'F6'], ['\x9b18~', 'F7'], ['\x9b19~', 'F8'], ['\x9b20~', 'F9'], ['\x9b21~', 'F10'], ['\x9b23~', 'F11'],
  ['\x9b24~', 'F12'], ['\x9b25~', 'F13'], ['\x9b26~', 'F14'], ['\x9b28~', 'F15'], ['\x9b29~', 'F16'],
  ['\x9b31~', 'F17'], ['\x9b32~', 'F18'], ['\x9b33~', 'F19'], ['\x9b34~', 'F20'], ['\x1bOA', 'up'],
  ['\x1bOB', 'down'], ['\x1bOC', 'right'], ['\x1bOD', 'left'], ['\x1bOE', 'B2'], ['\x1bOF', 'end'],
  ['\x1bOH', 'home'], ['\x1bOM', 'send'], ['\x1bOP', 'F1'], ['\x1bOQ', 'F2'], ['\x1bOR', 'F3'], ['\x1bOS', 'F4'],
  ['\x1bOT', 'F5'], ['\x1bOU', 'F6'], ['\x1bOV', 'F7'], ['\x1bOW', 'F8'], ['\x1bOX', 'F9'], ['\x1bOY', 'F10'],
  ['\x1bOZ', 'F11'], ['\x1bO[', 'F12'], ['\x1bOl', 'F8'], ['\x1bOn', 'C3'], ['\x1bOp', 'C1'], ['\x1bOq', 'C1'],
  ['\x1bOr', 'B2'], ['\x1bOs', 'C3'], ['\x1bOt', 'F5'], ['\x1bOu', 'B2'], ['\x1bOv', 'F7'], ['\x1bOw', 'A1'],
  ['\x1bOx', 'F10'], ['\x1bOy', 'A3'], ['\x1b[9', 'delete'], ['\x1b[@', 'F41'], ['\x1b[A', 'up'], ['\x1b[B', 'down'],
  ['\x1b[C', 'right'], ['\x1b[D', 'left'], ['\x1b[E', 'B2'], ['\x1b[F', 'end'], ['\x1b[G', 'B2'], ['\x1b[H', 'home'],
  ['\x1b[I', 'page-up'], ['\x1b[L', 'insert'], ['\x1b[M', 'mouse'], ['\x1b[N', 'F2'], ['\x1b[O', 'F3'],
  ['\x1b[P', 'F4'], ['\x1b[Q', 'F5'], ['\x1b[R', 'F6'], ['\x1b[S', 'F7'], ['\x1b[T', 'F8'], ['\x1b[U', 'F9'],
  ['\x1b[V', 'F10'], ['\x1b[W', 'F11'], ['\x1b[X', 'F12'], ['\x1b[Y', 'F13'], ['\x1b[Z', 'back-tab'],
  ['\x1b[[', 'F42'], ['\x1b[\\', 'F43'], ['\x1b[]', 'F44'], ['\x1b[^', 'F45'], ['\x1b[_', 'F46'], ['\x1b[`', 'F47'],
  ['\x1b[a', 'F15'], ['\x1b[b', 'F16'], ['\x1b[c', 'shift-right'], ['\x1b[d', 'shift-left'], ['\x1b[e', 'F19'],
  ['\x1b[f', 'F20'], ['\x1b[g', 'F21'], ['\x1b[h', 'F22'], ['\x1b[i', 'F23'], ['\x1b[j', 'F24'], ['\x1b[k', 'F25'],
  ['\x1b[l', 'F26'], ['\x1b[m', 'F27'], ['\x1b[n', 'F28'], ['\x1b[o', 'F29'], ['\x1b[p', 'F30'], ['\x1b[q', 'F31'],
  ['\x1b[r', 'F32'], ['\x1b[s', 'F33'], ['\x1b[t', 'F34'], ['\x1b[u', 'F35'], ['\x1b[v', 'F36'], ['\x1b[w', 'F37'],
  ['\x1b[x', 'F38'], ['\x1b[y', 'F39'], ['\x1b[z', 'F40'], ['\x1b[{', 'F48'], ['\x9b1~', 'home'],
  ['\x9b2~', 'insert'], ['\x9b3~', 'delete'], ['\x9b4~', 'end'], ['\x9b5~', 'page-up'], ['\x9b6~', 'page-down'],
  ['\x1bA', 'up'], ['\x1bB', 'down'], ['\x1bC', 'right'], ['\x1bD', 'left'], ['\x1bF', 'end'], ['\x1bJ', 'clear'],
  ['\x1bP', 'delete'], ['\x1bQ', 'insert'], ['\x1bS', 'page-down'], ['\x1bT', 'page-up'], ['\x1bh', 'home'],
  ['\x1bp', 'F1'], ['\x1bq', 'F2'], ['\x1br', 'F3'], ['\x1bs', 'F4'], ['\x1bt', 'F5'], ['\x1bu', 'F6'],
  ['\x1bv', 'F7'], ['\x1bw', 'F8'], ['\x8fA', 'up'], ['\x8fB', 'down'], ['\x8fC', 'right'], ['\x8fD', 'left'],
  ['\x8fE', 'begin'], ['\x8fM', 'send'], ['\x8fq', 'C1'], ['\x8fs', 'C3'], ['\x8fu', 'A3'], ['\x8fw', 'A1'],
  ['\x8fy', 'B2'], ['\x9bM', 'mouse'], ['\x9bZ', 'back-tab'],
  ['\x1b', 'esc'],
];

/**
 * Names of the set bits of `value` in table order (empty if none is set).
 *
 * @example flagNames(0x10000000, CLONE_FLAGS) // → ['CLONE_NEWUSER']
 */
export function flagNames(value: number, table: readonly (readonly [number, string])[]): string[] {
  const out: string[] = [];
  for (const [bit, name] of table) if ((value & bit) >>> 0 !== 0) out.push(name);
  return out;
}

/** `PROT_*` for mmap/mprotect a2 (asm-generic/mman-common.h); PROT_SEM only for mmap. */
export const PROT_FLAGS: readonly (readonly [number, string])[] = [[1, 'PROT_READ'], [2, 'PROT_WRITE'], [4, 'PROT_EXEC'], [8, 'PROT_SEM']];

/** `RLIMIT_*` resources (asm-generic/resource.h), rlimittab.h. */
export const RLIMITS: readonly string[] = [
  'RLIMIT_CPU', 'RLIMIT_FSIZE', 'RLIMIT_DATA', 'RLIMIT_STACK', 'RLIMIT_CORE', 'RLIMIT_RSS', 'RLIMIT_NPROC',
  'RLIMIT_NOFILE', 'RLIMIT_MEMLOCK', 'RLIMIT_AS', 'RLIMIT_LOCKS', 'RLIMIT_SIGPENDING', 'RLIMIT_MSGQUEUE',
  'RLIMIT_NICE', 'RLIMIT_RTPRIO', 'RLIMIT_RTTIME',
];

/** Clock ids 0..6 (linux/time.h), clocktab.h. */
export const CLOCK_IDS: readonly string[] = [
  'CLOCK_REALTIME', 'CLOCK_MONOTONIC', 'CLOCK_PROCESS_CPUTIME_ID', 'CLOCK_THREAD_CPUTIME_ID', 'CLOCK_MONOTONIC_RAW',
  'CLOCK_REALTIME_COARSE', 'CLOCK_MONOTONIC_COARSE',
];

/** epoll_ctl operations (sys/epoll.h), epoll_ctl.h. */
export const EPOLL_CTL_OPS: ReadonlyMap<number, string> = new Map([[1, 'EPOLL_CTL_ADD'], [2, 'EPOLL_CTL_DEL'], [3, 'EPOLL_CTL_MOD']]);

/** fcntl commands (asm-generic/fcntl.h, linux/fcntl.h) as libauparse 3.0.9's fcntl-cmdtab.h lists them (no F_OFD_*). */
export const FCNTL_COMMANDS: ReadonlyMap<number, string> = new Map([
  [0, 'F_DUPFD'], [1, 'F_GETFD'], [2, 'F_SETFD'], [3, 'F_GETFL'], [4, 'F_SETFL'], [5, 'F_GETLK'], [6, 'F_SETLK'],
  [7, 'F_SETLKW'], [8, 'F_SETOWN'], [9, 'F_GETOWN'], [10, 'F_SETSIG'], [11, 'F_GETSIG'], [12, 'F_GETLK64'],
  [13, 'F_SETLK64'], [14, 'F_SETLKW64'], [15, 'F_SETOWN_EX'], [16, 'F_GETOWN_EX'], [17, 'F_GETOWNER_UIDS'],
  [1024, 'F_SETLEASE'], [1025, 'F_GETLEASE'], [1026, 'F_NOTIFY'], [1029, 'F_CANCELLK'], [1030, 'F_DUPFD_CLOEXEC'],
  [1031, 'F_SETPIPE_SZ'], [1032, 'F_GETPIPE_SZ'], [1033, 'F_ADD_SEALS'], [1034, 'F_GET_SEALS'], [1035, 'F_GET_RW_HINT'],
  [1036, 'F_SET_RW_HINT'], [1037, 'F_GET_FILE_RW_HINT'], [1038, 'F_SET_FILE_RW_HINT'],
]);

/** `MSG_*` send/recv flags (linux/socket.h) as recvtab.h names them. */
export const RECV_FLAGS: readonly (readonly [number, string])[] = [
  [0x1, 'MSG_OOB'], [0x2, 'MSG_PEEK'], [0x4, 'MSG_DONTROUTE'], [0x8, 'MSG_CTRUNC'], [0x10, 'MSG_PROXY'],
  [0x20, 'MSG_TRUNC'], [0x40, 'MSG_DONTWAIT'], [0x80, 'MSG_EOR'], [0x100, 'MSG_WAITALL'], [0x200, 'MSG_FIN'],
  [0x400, 'MSG_SYN'], [0x800, 'MSG_CONFIRM'], [0x1000, 'MSG_RST'], [0x2000, 'MSG_ERRQUEUE'], [0x4000, 'MSG_NOSIGNAL'],
  [0x8000, 'MSG_MORE'], [0x10000, 'MSG_WAITFORONE'], [0x20000, 'MSG_SENDPAGE_NOTLAST'], [0x40000, 'MSG_BATCH'],
  [0x20000000, 'MSG_FASTOPEN'], [0x40000000, 'MSG_CMSG_CLOEXEC'], [0x80000000, 'MSG_CMSG_COMPAT'],
];

/** ptrace requests (linux/ptrace.h, x86 asm/ptrace-abi.h) as ptracetab.h names them. */
export const PTRACE_REQUESTS: ReadonlyMap<number, string> = new Map([
  [0, 'PTRACE_TRACEME'], [1, 'PTRACE_PEEKTEXT'], [2, 'PTRACE_PEEKDATA'], [3, 'PTRACE_PEEKUSER'], [4, 'PTRACE_POKETEXT'],
  [5, 'PTRACE_POKEDATA'], [6, 'PTRACE_POKEUSER'], [7, 'PTRACE_CONT'], [8, 'PTRACE_KILL'], [9, 'PTRACE_SINGLESTEP'],
  [12, 'PTRACE_GETREGS'], [13, 'PTRACE_SETREGS'], [14, 'PTRACE_GETFPREGS'], [15, 'PTRACE_SETFPREGS'], [16, 'PTRACE_ATTACH'],
  [17, 'PTRACE_DETACH'], [18, 'PTRACE_GETFPXREGS'], [19, 'PTRACE_SETFPXREGS'], [24, 'PTRACE_SYSCALL'],
  [25, 'PTRACE_GET_THREAD_AREA'], [26, 'PTRACE_SET_THREAD_AREA'], [30, 'PTRACE_ARCH_PRCTL'], [31, 'PTRACE_SYSEMU'],
  [32, 'PTRACE_SYSEMU_SINGLESTEP'], [33, 'PTRACE_SINGLEBLOCK'], [0x4200, 'PTRACE_SETOPTIONS'], [0x4201, 'PTRACE_GETEVENTMSG'],
  [0x4202, 'PTRACE_GETSIGINFO'], [0x4203, 'PTRACE_SETSIGINFO'], [0x4204, 'PTRACE_GETREGSET'], [0x4205, 'PTRACE_SETREGSET'],
  [0x4206, 'PTRACE_SEIZE'], [0x4207, 'PTRACE_INTERRUPT'], [0x4208, 'PTRACE_LISTEN'], [0x4209, 'PTRACE_PEEKSIGINFO'],
  [0x420a, 'PTRACE_GETSIGMASK'], [0x420b, 'PTRACE_SETSIGMASK'], [0x420c, 'PTRACE_SECCOMP_GET_FILTER'],
  [0x420d, 'PTRACE_SECCOMP_GET_METADATA'], [0x420e, 'PTRACE_GET_SYSCALL_INFO'],
]);
