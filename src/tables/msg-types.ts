import { LIBAUDIT_MSG_TYPES } from './libaudit.generated.js';

/**
 * Message types of mainline `include/uapi/linux/audit.h` as of Linux 6.18 (reference §2), named
 * without the `AUDIT_` prefix. Where libaudit 3.0.9 prints a name for a number, that name wins
 * (it is what `type=NAME` in audit.log says); the rest are the uapi macro names.
 */
const UAPI_MSG_TYPES: readonly (readonly [number, string])[] = [
  [1000, 'GET'], [1001, 'SET'], [1002, 'LIST'], [1003, 'ADD'], [1004, 'DEL'], [1005, 'USER'],
  [1006, 'LOGIN'], [1007, 'WATCH_INS'], [1008, 'WATCH_REM'], [1009, 'WATCH_LIST'], [1010, 'SIGNAL_INFO'],
  [1011, 'ADD_RULE'], [1012, 'DEL_RULE'], [1013, 'LIST_RULES'], [1014, 'TRIM'], [1015, 'MAKE_EQUIV'],
  [1016, 'TTY_GET'], [1017, 'TTY_SET'], [1018, 'SET_FEATURE'], [1019, 'GET_FEATURE'],
  [1100, 'FIRST_USER_MSG'], [1107, 'USER_AVC'], [1124, 'USER_TTY'], [1199, 'LAST_USER_MSG'],
  [1200, 'DAEMON_START'], [1201, 'DAEMON_END'], [1202, 'DAEMON_ABORT'], [1203, 'DAEMON_CONFIG'],
  [1300, 'SYSCALL'], [1302, 'PATH'], [1303, 'IPC'], [1304, 'SOCKETCALL'], [1305, 'CONFIG_CHANGE'],
  [1306, 'SOCKADDR'], [1307, 'CWD'], [1309, 'EXECVE'], [1311, 'IPC_SET_PERM'], [1312, 'MQ_OPEN'],
  [1313, 'MQ_SENDRECV'], [1314, 'MQ_NOTIFY'], [1315, 'MQ_GETSETATTR'], [1316, 'KERNEL_OTHER'],
  [1317, 'FD_PAIR'], [1318, 'OBJ_PID'], [1319, 'TTY'], [1320, 'EOE'], [1321, 'BPRM_FCAPS'],
  [1322, 'CAPSET'], [1323, 'MMAP'], [1324, 'NETFILTER_PKT'], [1325, 'NETFILTER_CFG'], [1326, 'SECCOMP'],
  [1327, 'PROCTITLE'], [1328, 'FEATURE_CHANGE'], [1329, 'REPLACE'], [1330, 'KERN_MODULE'],
  [1331, 'FANOTIFY'], [1332, 'TIME_INJOFFSET'], [1333, 'TIME_ADJNTPVAL'], [1334, 'BPF'],
  [1335, 'EVENT_LISTENER'], [1336, 'URINGOP'], [1337, 'OPENAT2'], [1338, 'DM_CTRL'], [1339, 'DM_EVENT'],
  [1400, 'AVC'], [1401, 'SELINUX_ERR'], [1402, 'AVC_PATH'], [1403, 'MAC_POLICY_LOAD'], [1404, 'MAC_STATUS'],
  [1405, 'MAC_CONFIG_CHANGE'], [1406, 'MAC_UNLBL_ALLOW'], [1407, 'MAC_CIPSOV4_ADD'], [1408, 'MAC_CIPSOV4_DEL'],
  [1409, 'MAC_MAP_ADD'], [1410, 'MAC_MAP_DEL'], [1411, 'MAC_IPSEC_ADDSA'], [1412, 'MAC_IPSEC_DELSA'],
  [1413, 'MAC_IPSEC_ADDSPD'], [1414, 'MAC_IPSEC_DELSPD'], [1415, 'MAC_IPSEC_EVENT'], [1416, 'MAC_UNLBL_STCADD'],
  [1417, 'MAC_UNLBL_STCDEL'], [1418, 'MAC_CALIPSO_ADD'], [1419, 'MAC_CALIPSO_DEL'], [1420, 'IPE_ACCESS'],
  [1421, 'IPE_CONFIG_CHANGE'], [1422, 'IPE_POLICY_LOAD'], [1423, 'LANDLOCK_ACCESS'], [1424, 'LANDLOCK_DOMAIN'],
  [1425, 'MAC_TASK_CONTEXTS'], [1426, 'MAC_OBJ_CONTEXTS'],
  [1700, 'ANOM_PROMISCUOUS'], [1701, 'ANOM_ABEND'], [1702, 'ANOM_LINK'], [1703, 'ANOM_CREAT'],
  [1800, 'INTEGRITY_DATA'], [1801, 'INTEGRITY_METADATA'], [1802, 'INTEGRITY_STATUS'], [1803, 'INTEGRITY_HASH'],
  [1804, 'INTEGRITY_PCR'], [1805, 'INTEGRITY_RULE'], [1806, 'INTEGRITY_EVM_XATTR'], [1807, 'INTEGRITY_POLICY_RULE'],
  [1808, 'INTEGRITY_USERSPACE'],
  [2000, 'KERNEL'], [2100, 'FIRST_USER_MSG2'], [2999, 'LAST_USER_MSG2'],
];

function buildNames(): ReadonlyMap<number, string> {
  const m = new Map<number, string>(UAPI_MSG_TYPES);
  for (const [n, name] of LIBAUDIT_MSG_TYPES) m.set(n, name);
  return new Map([...m.entries()].sort((a, b) => a[0] - b[0]));
}

/** Mainline message type number → name (no `AUDIT_` prefix). */
export const MAINLINE_MSG_TYPE_NAMES: ReadonlyMap<number, string> = buildNames();

/** Name → number for the mainline table. */
export const MAINLINE_MSG_TYPE_NUMBERS: ReadonlyMap<string, number> = new Map(
  [...MAINLINE_MSG_TYPE_NAMES.entries()].map(([n, s]) => [s, n]),
);

/** Netlink's own control types (include/uapi/linux/netlink.h). */
export const NLMSG = { NOOP: 1, ERROR: 2, DONE: 3, OVERRUN: 4, MIN_TYPE: 0x10 } as const;

/** True for the user-message ranges whose text is `msg='...'` (1100–1199, 2100–2999) and legacy AUDIT_USER 1005. */
export function isUserMessageType(type: number): boolean {
  return type === 1005 || (type >= 1100 && type <= 1199) || (type >= 2100 && type <= 2999);
}

/** How audit.log names a type it has no name for. */
export function unknownTypeName(type: number): string {
  return `UNKNOWN[${type}]`;
}
