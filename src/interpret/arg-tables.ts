/**
 * Constant tables behind the syscall-argument and field printers that libauparse 3.0.9 has and
 * that came last to this library: names and numbers follow auparse's own tables (the header named
 * on each), every entry checked against Debian 12's libauparse 3.0.9 (python3-audit) by feeding
 * it records and reading its interpretation. The values are Linux uapi constants (x86/generic
 * numbering).
 */

/** prctl(2) options `PR_*` (linux/prctl.h), prctl-opt-tab.h. */
export const PRCTL_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'PR_SET_PDEATHSIG'], [2, 'PR_GET_PDEATHSIG'], [3, 'PR_GET_DUMPABLE'], [4, 'PR_SET_DUMPABLE'],
  [5, 'PR_GET_UNALIGN'], [6, 'PR_SET_UNALIGN'], [7, 'PR_GET_KEEPCAPS'], [8, 'PR_SET_KEEPCAPS'], [9, 'PR_GET_FPEMU'],
  [10, 'PR_SET_FPEMU'], [11, 'PR_GET_FPEXC'], [12, 'PR_SET_FPEXC'], [13, 'PR_GET_TIMING'], [14, 'PR_SET_TIMING'],
  [15, 'PR_SET_NAME'], [16, 'PR_GET_NAME'], [19, 'PR_GET_ENDIAN'], [20, 'PR_SET_ENDIAN'], [21, 'PR_GET_SECCOMP'],
  [22, 'PR_SET_SECCOMP'], [23, 'PR_CAPBSET_READ'], [24, 'PR_CAPBSET_DROP'], [25, 'PR_GET_TSC'], [26, 'PR_SET_TSC'],
  [27, 'PR_GET_SECUREBITS'], [28, 'PR_SET_SECUREBITS'], [29, 'PR_SET_TIMERSLACK'], [30, 'PR_GET_TIMERSLACK'],
  [31, 'PR_TASK_PERF_EVENTS_DISABLE'], [32, 'PR_TASK_PERF_EVENTS_ENABLE'], [33, 'PR_MCE_KILL'],
  [34, 'PR_MCE_KILL_GET'], [35, 'PR_SET_MM'], [36, 'PR_SET_CHILD_SUBREAPER'], [37, 'PR_GET_CHILD_SUBREAPER'],
  [38, 'PR_SET_NO_NEW_PRIVS'], [39, 'PR_GET_NO_NEW_PRIVS'], [40, 'PR_GET_TID_ADDRESS'], [41, 'PR_SET_THP_DISABLE'],
  [42, 'PR_GET_THP_DISABLE'], [43, 'PR_MPX_ENABLE_MANAGEMENT'], [44, 'PR_MPX_DISABLE_MANAGEMENT'],
  [45, 'PR_SET_FP_MODE'], [46, 'PR_GET_FP_MODE'], [47, 'PR_CAP_AMBIENT'], [50, 'PR_SVE_SET_VL'],
  [51, 'PR_SVE_GET_VL'], [52, 'PR_GET_SPECULATION_CTRL'], [53, 'PR_SET_SPECULATION_CTRL'], [54, 'PR_PAC_RESET_KEYS'],
  [55, 'PR_SET_TAGGED_ADDR_CTRL'], [56, 'PR_GET_TAGGED_ADDR_CTRL'],
]);

/** mount(2) flags `MS_*` (linux/mount.h), mounttab.h (0x100 and 0x200 have no name there). */
export const MOUNT_FLAGS: readonly (readonly [number, string])[] = [
  [0x1, 'MS_RDONLY'], [0x2, 'MS_NOSUID'], [0x4, 'MS_NODEV'], [0x8, 'MS_NOEXEC'], [0x10, 'MS_SYNCHRONOUS'],
  [0x20, 'MS_REMOUNT'], [0x40, 'MS_MANDLOCK'], [0x80, 'MS_DIRSYNC'], [0x400, 'MS_NOATIME'], [0x800, 'MS_NODIRATIME'],
  [0x1000, 'MS_BIND'], [0x2000, 'MS_MOVE'], [0x4000, 'MS_REC'], [0x8000, 'MS_SILENT'], [0x10000, 'MS_POSIXACL'],
  [0x20000, 'MS_UNBINDABLE'], [0x40000, 'MS_PRIVATE'], [0x80000, 'MS_SLAVE'], [0x100000, 'MS_SHARED'],
  [0x200000, 'MS_RELATIME'], [0x400000, 'MS_KERNMOUNT'], [0x800000, 'MS_I_VERSION'], [0x1000000, 'MS_STRICTATIME'],
  [0x2000000, 'MS_LAZYTIME'], [0x4000000, 'MS_SUBMOUNT'], [0x8000000, 'MS_SNAP_STABLE'], [0x10000000, 'MS_NOSEC'],
  [0x20000000, 'MS_BORN'], [0x40000000, 'MS_ACTIVE'], [0x80000000, 'MS_NOUSER'],
];

/** umount2(2) flags (sys/mount.h), umounttab.h. */
export const UMOUNT_FLAGS: readonly (readonly [number, string])[] = [
  [0x1, 'MNT_FORCE'], [0x2, 'MNT_DETACH'], [0x4, 'MNT_EXPIRE'], [0x8, 'UMOUNT_NOFOLLOW'],
  [0x80000000, 'UMOUNT_UNUSED'],
];

/** ioctl(2) requests auparse names (linux/kd.h, cdrom.h, asm-generic/ioctls.h, sockios.h, drm.h), ioctlreqtab.h. */
export const IOCTL_REQUESTS: ReadonlyMap<number, string> = new Map([
  [0x4b3a, 'KDSETMODE'], [0x4b3b, 'KDGETMODE'], [0x5309, 'CDROMEJECT'], [0x530f, 'CDROMEJECT_SW'],
  [0x5311, 'CDROM_GET_UPC'], [0x5316, 'CDROMSEEK'], [0x5401, 'TCGETS'], [0x5402, 'TCSETS'], [0x5403, 'TCSETSW'],
  [0x5404, 'TCSETSF'], [0x5409, 'TCSBRK'], [0x540b, 'TCFLSH'], [0x540e, 'TIOCSCTTY'], [0x540f, 'TIOCGPGRP'],
  [0x5410, 'TIOCSPGRP'], [0x5413, 'TIOCGWINSZ'], [0x5414, 'TIOCSWINSZ'], [0x541b, 'TIOCINQ'], [0x5421, 'FIONBIO'],
  [0x5422, 'TIOCNOTTY'], [0x8901, 'FIOSETOWN'], [0x8903, 'FIOGETOWN'], [0x8910, 'SIOCGIFNAME'],
  [0x8927, 'SIOCGIFHWADDR'], [0x8933, 'SIOCGIFINDEX'], [0x89a2, 'SIOCBRADDIF'], [0x40045431, 'TIOCSPTLCK'],
  [0x80045430, 'TIOCGPTN'], [0x80045431, 'TIOCSPTLCK'], [0xc01c64a3, 'DRM_IOCTL_MODE_CURSOR'],
  [0xc01864b0, 'DRM_IOCTL_MODE_PAGE_FLIP'], [0xc01864b1, 'DRM_IOCTL_MODE_DIRTYFB'],
]);

/** Socket option levels `SOL_*` (linux/socket.h) for levels that are not IP protocols, sockleveltab.h. */
export const SOCKET_LEVELS: ReadonlyMap<number, string> = new Map([
  [255, 'SOL_RAW'], [256, 'SOL_IPX'], [257, 'SOL_AX25'], [258, 'SOL_ATALK'], [259, 'SOL_NETROM'], [260, 'SOL_ROSE'],
  [261, 'SOL_DECNET'], [263, 'SOL_PACKET'], [264, 'SOL_ATM'], [265, 'SOL_AAL'], [266, 'SOL_IRDA'],
  [267, 'SOL_NETBEUI'], [268, 'SOL_LLC'], [269, 'SOL_DCCP'], [270, 'SOL_NETLINK'], [271, 'SOL_TIPC'],
  [272, 'SOL_RXRPC'], [273, 'SOL_PPPOL2TP'], [274, 'SOL_BLUETOOTH'], [275, 'SOL_PNPIPE'], [276, 'SOL_RDS'],
  [277, 'SOL_IUCV'], [278, 'SOL_CAIF'], [279, 'SOL_ALG'], [280, 'SOL_NFC'], [281, 'SOL_KCM'], [282, 'SOL_TLS'],
  [283, 'SOL_XDP'],
]);

/** SOL_SOCKET option names `SO_*` (asm-generic/socket.h), sockoptnametab.h; 116..121 are PowerPC's numbers of 16..21. */
export const SOCKET_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'SO_DEBUG'], [2, 'SO_REUSEADDR'], [3, 'SO_TYPE'], [4, 'SO_ERROR'], [5, 'SO_DONTROUTE'], [6, 'SO_BROADCAST'],
  [7, 'SO_SNDBUF'], [8, 'SO_RCVBUF'], [9, 'SO_KEEPALIVE'], [10, 'SO_OOBINLINE'], [11, 'SO_NO_CHECK'],
  [12, 'SO_PRIORITY'], [13, 'SO_LINGER'], [14, 'SO_BSDCOMPAT'], [15, 'SO_REUSEPORT'], [16, 'SO_PASSCRED'],
  [17, 'SO_PEERCRED'], [18, 'SO_RCVLOWAT'], [19, 'SO_SNDLOWAT'], [20, 'SO_RCVTIMEO'], [21, 'SO_SNDTIMEO'],
  [22, 'SO_SECURITY_AUTHENTICATION'], [23, 'SO_SECURITY_ENCRYPTION_TRANSPORT'],
  [24, 'SO_SECURITY_ENCRYPTION_NETWORK'], [25, 'SO_BINDTODEVICE'], [26, 'SO_ATTACH_FILTER'],
  [27, 'SO_DETACH_FILTER'], [28, 'SO_PEERNAME'], [29, 'SO_TIMESTAMP'], [30, 'SO_ACCEPTCONN'], [31, 'SO_PEERSEC'],
  [32, 'SO_SNDBUFFORCE'], [33, 'SO_RCVBUFFORCE'], [34, 'SO_PASSSEC'], [35, 'SO_TIMESTAMPNS'], [36, 'SO_MARK'],
  [37, 'SO_TIMESTAMPING'], [38, 'SO_PROTOCOL'], [39, 'SO_DOMAIN'], [40, 'SO_RXQ_OVFL'], [41, 'SO_WIFI_STATUS'],
  [42, 'SO_PEEK_OFF'], [43, 'SO_NOFCS'], [44, 'SO_LOCK_FILTER'], [45, 'SO_SELECT_ERR_QUEUE'], [46, 'SO_BUSY_POLL'],
  [47, 'SO_MAX_PACING_RATE'], [48, 'SO_BPF_EXTENSIONS'], [49, 'SO_INCOMING_CPU'], [50, 'SO_ATTACH_BPF'],
  [51, 'SO_ATTACH_REUSEPORT_CBPF'], [52, 'SO_ATTACH_REUSEPORT_EBPF'], [53, 'SO_CNX_ADVICE'],
  [54, 'SCM_TIMESTAMPING_OPT_STATS'], [55, 'SO_MEMINFO'], [56, 'SO_INCOMING_NAPI_ID'], [57, 'SO_COOKIE'],
  [58, 'SCM_TIMESTAMPING_PKTINFO'], [59, 'SO_PEERGROUPS'], [60, 'SO_ZEROCOPY'], [61, 'SO_TXTIME'],
  [62, 'SO_BINDTOIFINDEX'], [63, 'SO_TIMESTAMP_NEW'], [64, 'SO_TIMESTAMPNS_NEW'], [65, 'SO_TIMESTAMPING_NEW'],
  [66, 'SO_RCVTIMEO_NEW'], [67, 'SO_SNDTIMEO_NEW'], [68, 'SO_DETACH_REUSEPORT_BPF'], [116, 'SO_RCVLOWAT'],
  [117, 'SO_SNDLOWAT'], [118, 'SO_RCVTIMEO'], [119, 'SO_SNDTIMEO'], [120, 'SO_PASSCRED'], [121, 'SO_PEERCRED'],
]);

/** IPPROTO_IP option names (linux/in.h, netfilter_ipv4/ip_tables.h), ipoptnametab.h. */
export const IP_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'IP_TOS'], [2, 'IP_TTL'], [3, 'IP_HDRINCL'], [4, 'IP_OPTIONS'], [5, 'IP_ROUTER_ALERT'], [6, 'IP_RECVOPTS'],
  [7, 'IP_RETOPTS'], [8, 'IP_PKTINFO'], [9, 'IP_PKTOPTIONS'], [10, 'IP_MTU_DISCOVER'], [11, 'IP_RECVERR'],
  [12, 'IP_RECVTTL'], [13, 'IP_RECVTOS'], [14, 'IP_MTU'], [15, 'IP_FREEBIND'], [16, 'IP_IPSEC_POLICY'],
  [17, 'IP_XFRM_POLICY'], [18, 'IP_PASSSEC'], [19, 'IP_TRANSPARENT'], [20, 'IP_ORIGDSTADDR'], [21, 'IP_MINTTL'],
  [22, 'IP_NODEFRAG'], [23, 'IP_CHECKSUM'], [24, 'IP_BIND_ADDRESS_NO_PORT'], [25, 'IP_RECVFRAGSIZE'],
  [32, 'IP_MULTICAST_IF'], [33, 'IP_MULTICAST_TTL'], [34, 'IP_MULTICAST_LOOP'], [35, 'IP_ADD_MEMBERSHIP'],
  [36, 'IP_DROP_MEMBERSHIP'], [37, 'IP_UNBLOCK_SOURCE'], [38, 'IP_BLOCK_SOURCE'], [39, 'IP_ADD_SOURCE_MEMBERSHIP'],
  [40, 'IP_DROP_SOURCE_MEMBERSHIP'], [41, 'IP_MSFILTER'], [42, 'MCAST_JOIN_GROUP'], [43, 'MCAST_BLOCK_SOURCE'],
  [44, 'MCAST_UNBLOCK_SOURCE'], [45, 'MCAST_LEAVE_GROUP'], [46, 'MCAST_JOIN_SOURCE_GROUP'],
  [47, 'MCAST_LEAVE_SOURCE_GROUP'], [48, 'MCAST_MSFILTER'], [49, 'IP_MULTICAST_ALL'], [50, 'IP_UNICAST_IF'],
  [64, 'IPT_SO_SET_REPLACE'], [65, 'IPT_SO_SET_ADD_COUNTERS'], [66, 'IPT_SO_GET_REVISION_TARGET'],
]);

/** IPPROTO_IPV6 option names (linux/in6.h, netfilter_ipv6/ip6_tables.h), ip6optnametab.h. */
export const IPV6_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'IPV6_ADDRFORM'], [2, 'IPV6_2292PKTINFO'], [3, 'IPV6_2292HOPOPTS'], [4, 'IPV6_2292DSTOPTS'],
  [5, 'IPV6_2292RTHDR'], [6, 'IPV6_2292PKTOPTIONS'], [7, 'IPV6_CHECKSUM'], [8, 'IPV6_2292HOPLIMIT'],
  [9, 'IPV6_NEXTHOP'], [10, 'IPV6_AUTHHDR'], [11, 'IPV6_FLOWINFO'], [16, 'IPV6_UNICAST_HOPS'],
  [17, 'IPV6_MULTICAST_IF'], [18, 'IPV6_MULTICAST_HOPS'], [19, 'IPV6_MULTICAST_LOOP'], [20, 'IPV6_ADD_MEMBERSHIP'],
  [21, 'IPV6_DROP_MEMBERSHIP'], [22, 'IPV6_ROUTER_ALERT'], [23, 'IPV6_MTU_DISCOVER'], [24, 'IPV6_MTU'],
  [25, 'IPV6_RECVERR'], [26, 'IPV6_V6ONLY'], [27, 'IPV6_JOIN_ANYCAST'], [28, 'IPV6_LEAVE_ANYCAST'],
  [29, 'IPV6_MULTICAST_ALL'], [30, 'IPV6_ROUTER_ALERT_ISOLATE'], [32, 'IPV6_FLOWLABEL_MGR'],
  [33, 'IPV6_FLOWINFO_SEND'], [34, 'IPV6_IPSEC_POLICY'], [35, 'IPV6_XFRM_POLICY'], [36, 'IPV6_HDRINCL'],
  [42, 'MCAST_JOIN_GROUP'], [43, 'MCAST_BLOCK_SOURCE'], [44, 'MCAST_UNBLOCK_SOURCE'], [45, 'MCAST_LEAVE_GROUP'],
  [46, 'MCAST_JOIN_SOURCE_GROUP'], [47, 'MCAST_LEAVE_SOURCE_GROUP'], [48, 'MCAST_MSFILTER'],
  [49, 'IPV6_RECVPKTINFO'], [50, 'IPV6_PKTINFO'], [51, 'IPV6_RECVHOPLIMIT'], [52, 'IPV6_HOPLIMIT'],
  [53, 'IPV6_RECVHOPOPTS'], [54, 'IPV6_HOPOPTS'], [55, 'IPV6_RTHDRDSTOPTS'], [56, 'IPV6_RECVRTHDR'],
  [57, 'IPV6_RTHDR'], [58, 'IPV6_RECVDSTOPTS'], [59, 'IPV6_DSTOPTS'], [60, 'IPV6_RECVPATHMTU'], [61, 'IPV6_PATHMTU'],
  [62, 'IPV6_DONTFRAG'], [63, 'IPV6_USE_MIN_MTU'], [64, 'IP6T_SO_SET_REPLACE'], [65, 'IP6T_SO_SET_ADD_COUNTERS'],
  [66, 'IPV6_RECVTCLASS'], [67, 'IPV6_TCLASS'], [68, 'IP6T_SO_GET_REVISION_MATCH'],
  [69, 'IP6T_SO_GET_REVISION_TARGET'], [70, 'IPV6_AUTOFLOWLABEL'], [72, 'IPV6_ADDR_PREFERENCES'],
  [73, 'IPV6_MINHOPCOUNT'], [74, 'IPV6_ORIGDSTADDR'], [75, 'IPV6_TRANSPARENT'], [76, 'IPV6_UNICAST_IF'],
  [77, 'IPV6_RECVFRAGSIZE'], [78, 'IPV6_FREEBIND'], [80, 'IP6T_SO_ORIGINAL_DST'],
]);

/** IPPROTO_TCP option names (linux/tcp.h), tcpoptnametab.h. */
export const TCP_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'TCP_NODELAY'], [2, 'TCP_MAXSEG'], [3, 'TCP_CORK'], [4, 'TCP_KEEPIDLE'], [5, 'TCP_KEEPINTVL'],
  [6, 'TCP_KEEPCNT'], [7, 'TCP_SYNCNT'], [8, 'TCP_LINGER2'], [9, 'TCP_DEFER_ACCEPT'], [10, 'TCP_WINDOW_CLAMP'],
  [11, 'TCP_INFO'], [12, 'TCP_QUICKACK'], [13, 'TCP_CONGESTION'], [14, 'TCP_MD5SIG'],
  [15, 'TCP_COOKIE_TRANSACTIONS'], [16, 'TCP_THIN_LINEAR_TIMEOUTS'], [17, 'TCP_THIN_DUPACK'],
  [18, 'TCP_USER_TIMEOUT'], [19, 'TCP_REPAIR'], [20, 'TCP_REPAIR_QUEUE'], [21, 'TCP_QUEUE_SEQ'],
  [22, 'TCP_REPAIR_OPTIONS'], [23, 'TCP_FASTOPEN'], [24, 'TCP_TIMESTAMP'], [25, 'TCP_NOTSENT_LOWAT'],
  [26, 'TCP_CC_INFO'], [27, 'TCP_SAVE_SYN'], [28, 'TCP_SAVED_SYN'], [29, 'TCP_REPAIR_WINDOW'],
  [30, 'TCP_FASTOPEN_CONNECT'], [31, 'TCP_ULP'], [32, 'TCP_MD5SIG_EXT'], [33, 'TCP_FASTOPEN_KEY'],
  [34, 'TCP_FASTOPEN_NO_COOKIE'], [35, 'TCP_ZEROCOPY_RECEIVE'], [36, 'TCP_INQ'], [37, 'TCP_TX_DELAY'],
]);

/** IPPROTO_UDP option names (linux/udp.h), as print_udp_opt_name. */
export const UDP_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'UDP_CORK'], [100, 'UDP_ENCAP'],
]);

/** SOL_PACKET option names (linux/if_packet.h), pktoptnametab.h. */
export const PACKET_OPTIONS: ReadonlyMap<number, string> = new Map([
  [1, 'PACKET_ADD_MEMBERSHIP'], [2, 'PACKET_DROP_MEMBERSHIP'], [3, 'PACKET_RECV_OUTPUT'], [5, 'PACKET_RX_RING'],
  [6, 'PACKET_STATISTICS'], [7, 'PACKET_COPY_THRESH'], [8, 'PACKET_AUXDATA'], [9, 'PACKET_ORIGDEV'],
  [10, 'PACKET_VERSION'], [11, 'PACKET_HDRLEN'], [12, 'PACKET_RESERVE'], [13, 'PACKET_TX_RING'], [14, 'PACKET_LOSS'],
  [15, 'PACKET_VNET_HDR'], [16, 'PACKET_TX_TIMESTAMP'], [17, 'PACKET_TIMESTAMP'], [18, 'PACKET_FANOUT'],
  [19, 'PACKET_TX_HAS_OFF'], [20, 'PACKET_QDISC_BYPASS'], [21, 'PACKET_ROLLOVER_STATS'], [22, 'PACKET_FANOUT_DATA'],
  [23, 'PACKET_IGNORE_OUTGOING'],
]);

/** Scheduler policies `SCHED_*` (linux/sched.h), schedtab.h; SCHED_RESET_ON_FORK is a suffix. */
export const SCHED_POLICIES: ReadonlyMap<number, string> = new Map([
  [0, 'SCHED_OTHER'], [1, 'SCHED_FIFO'], [2, 'SCHED_RR'], [3, 'SCHED_BATCH'], [5, 'SCHED_IDLE'],
  [6, 'SCHED_DEADLINE'],
]);

/** bpf(2) commands (linux/bpf.h), bpftab.h. */
export const BPF_COMMANDS: ReadonlyMap<number, string> = new Map([
  [0, 'BPF_MAP_CREATE'], [1, 'BPF_MAP_LOOKUP_ELEM'], [2, 'BPF_MAP_UPDATE_ELEM'], [3, 'BPF_MAP_DELETE_ELEM'],
  [4, 'BPF_MAP_GET_NEXT_KEY'], [5, 'BPF_PROG_LOAD'], [6, 'BPF_OBJ_PIN'], [7, 'BPF_OBJ_GET'], [8, 'BPF_PROG_ATTACH'],
  [9, 'BPF_PROG_DETACH'], [10, 'BPF_PROG_TEST_RUN'], [11, 'BPF_PROG_GET_NEXT_ID'], [12, 'BPF_MAP_GET_NEXT_ID'],
  [13, 'BPF_PROG_GET_FD_BY_ID'], [14, 'BPF_MAP_GET_FD_BY_ID'], [15, 'BPF_OBJ_GET_INFO_BY_FD'],
  [16, 'BPF_PROG_QUERY'], [17, 'BPF_RAW_TRACEPOINT_OPEN'], [18, 'BPF_BTF_LOAD'], [19, 'BPF_BTF_GET_FD_BY_ID'],
  [20, 'BPF_TASK_FD_QUERY'], [21, 'BPF_MAP_LOOKUP_AND_DELETE_ELEM'], [22, 'BPF_MAP_FREEZE'],
  [23, 'BPF_BTF_GET_NEXT_ID'],
]);

/** socketcall(2) calls (linux/net.h), socktab.h. */
export const SOCKETCALLS: ReadonlyMap<number, string> = new Map([
  [1, 'socket'], [2, 'bind'], [3, 'connect'], [4, 'listen'], [5, 'accept'], [6, 'getsockname'], [7, 'getpeername'],
  [8, 'socketpair'], [9, 'send'], [10, 'recv'], [11, 'sendto'], [12, 'recvfrom'], [13, 'shutdown'],
  [14, 'setsockopt'], [15, 'getsockopt'], [16, 'sendmsg'], [17, 'recvmsg'], [18, 'accept4'], [19, 'recvmmsg'],
  [20, 'sendmmsg'],
]);

/** SysV IPC `shmget` flags (linux/ipc.h, linux/shm.h): ipccmdtab.h for 0o3000, shm_modetab.h for 0o14000. */
export const SHM_FLAGS: readonly (readonly [number, string])[] = [
  [0o1000, 'IPC_CREAT'], [0o2000, 'IPC_EXCL'], [0o4000, 'SHM_HUGETLB'], [0o10000, 'SHM_NORESERVE'],
];

/** ICMP types for `icmptype=` (linux/icmp.h), icmptypetab.h. */
export const ICMP_TYPES: ReadonlyMap<number, string> = new Map([
  [0, 'echo-reply'], [3, 'destination-unreachable'], [4, 'source-quench'], [5, 'redirect'], [8, 'echo'],
  [11, 'time-exceeded'], [12, 'parameter-problem'], [13, 'timestamp-request'], [14, 'timestamp-reply'],
  [15, 'info-request'], [16, 'info-reply'], [17, 'address-mask-request'], [18, 'address-mask-reply'],
]);

/** Netfilter hooks for `hook=` (`NF_INET_*`, linux/netfilter.h, plus ebtables' BROUTING), inethooktab.h. */
export const NETFILTER_HOOKS: ReadonlyMap<number, string> = new Map([
  [0, 'PREROUTING'], [1, 'INPUT'], [2, 'FORWARD'], [3, 'OUTPUT'], [4, 'POSTROUTING'], [5, 'BROUTING'],
]);

/** Netfilter verdicts for `action=` (linux/netfilter.h), netactiontab.h. */
export const NETFILTER_ACTIONS: ReadonlyMap<number, string> = new Map([[0, 'ACCEPT'], [1, 'DROP'], [2, 'REJECT']]);

/** PATH `flags=` (the kernel's old `LOOKUP_*` bits, RHEL 4 era), libaudit's flagtab.h as print_flags uses it. */
export const PATH_FLAGS: readonly (readonly [number, string])[] = [
  [0x1, 'follow'], [0x2, 'directory'], [0x4, 'continue'], [0x10, 'parent'], [0x20, 'noalt'], [0x40, 'atomic'],
  [0x100, 'open'], [0x200, 'create'], [0x400, 'access'],
];

/**
 * SysV IPC calls of the multiplexed `ipc(2)` (linux/ipc.h), ipctab.h: auparse shows the call
 * after the syscall's name (`ipc(semctl)`), as it does for `socketcall(connect)`.
 */
export const IPC_CALLS: ReadonlyMap<number, string> = new Map([
  [1, 'semop'], [2, 'semget'], [3, 'semctl'], [4, 'semtimedop'], [11, 'msgsnd'], [12, 'msgrcv'], [13, 'msgget'],
  [14, 'msgctl'], [21, 'shmat'], [22, 'shmdt'], [23, 'shmget'], [24, 'shmctl'],
]);
