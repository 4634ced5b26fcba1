export { interpretField, interpretRecord, interpretAs, enrichedInterpretation, syscallName, machineOfArch } from './interpret.js';
export type { InterpretOptions, InterpretedField } from './interpret.js';
export { FIELD_KINDS, FIELD_KIND_NUMBERS, fieldKind, fieldKindTable, isHexString } from './field-types.js';
export type { FieldKind } from './field-types.js';
export {
  CAPABILITIES, CLONE_FLAGS, FANOTIFY_RESPONSES, FILTER_LISTS, IP_PROTOCOLS, MMAP_FLAGS, NETLINK_MCGROUPS, NFPROTO,
  OPEN_FLAGS, PERSONALITIES, RESOLVE_FLAGS, SECCOMP_ACTIONS, SIGNALS, SOCKET_FAMILIES, SOCKET_TYPES, TTY_NAMED_KEYS,
  flagNames,
} from './flags.js';
export { STRERROR } from './strerror.js';
export { printSockaddr, ipv6 } from './sockaddr.js';
export { SYSCALL_ARG_PRINTERS, printSyscallArg } from './syscall-args.js';
export {
  BPF_COMMANDS, ICMP_TYPES, IOCTL_REQUESTS, IP_OPTIONS, IPC_CALLS, IPV6_OPTIONS, MOUNT_FLAGS, NETFILTER_ACTIONS,
  NETFILTER_HOOKS, PACKET_OPTIONS, PATH_FLAGS, PRCTL_OPTIONS, SCHED_POLICIES, SHM_FLAGS, SOCKET_LEVELS, SOCKET_OPTIONS,
  SOCKETCALLS, TCP_OPTIONS, UDP_OPTIONS, UMOUNT_FLAGS,
} from './arg-tables.js';
export { recordJsonWithInterpretation } from './json.js';
export { enrichRecord, enrichedFields, encodeNameValue, formatEnrichedLogLine } from './enrich.js';
export type { EnrichOptions } from './enrich.js';
