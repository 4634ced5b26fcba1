import {
  BPF_COMMANDS, IOCTL_REQUESTS, IP_OPTIONS, IPV6_OPTIONS, MOUNT_FLAGS, PACKET_OPTIONS, PRCTL_OPTIONS, SCHED_POLICIES, SHM_FLAGS,
  SOCKET_LEVELS, SOCKET_OPTIONS, SOCKETCALLS, TCP_OPTIONS, UDP_OPTIONS, UMOUNT_FLAGS,
} from './arg-tables.js';
import {
  CLOCK_IDS, EPOLL_CTL_OPS, FCNTL_COMMANDS, flagNames, IP_PROTOCOLS, PROT_FLAGS, PTRACE_REQUESTS, RECV_FLAGS, RLIMITS, SOCKET_FAMILIES,
  SOCKET_TYPES,
} from './flags.js';
import {
  leadingNumber, printCapability, printCloneFlags, printFlags, printIoctlRequest, printMmapFlags, printMode, printModeShort,
  printOpenFlags, printPersonality, printSignal, u32,
} from './values.js';

/** What an argument printer may look at besides the value: the syscall's other arguments. */
export interface ArgContext {
  readonly a0: bigint | undefined;
  readonly a1: bigint | undefined;
  /** The record's machine (libaudit name): PowerPC numbers some socket options differently. */
  readonly machine: string;
  readonly uid: (raw: string, base: 10 | 16) => string;
  readonly gid: (raw: string, base: 10 | 16) => string;
}

type ArgPrinter = (raw: string, ctx: ArgContext) => string;

const O_CREAT = 0o100n;
const AT_FDCWD = -100;

const dirfd: ArgPrinter = (raw) => ((u32(raw, 16) | 0) === AT_FDCWD ? 'AT_FDCWD' : `0x${raw}`);
const uid16: ArgPrinter = (raw, c) => c.uid(raw, 16);
const gid16: ArgPrinter = (raw, c) => c.gid(raw, 16);
const sig16: ArgPrinter = (raw) => printSignal(raw, 16);
const clone: ArgPrinter = (raw) => printCloneFlags(raw);
const modeShort16: ArgPrinter = (raw) => printModeShort(raw, 16);
const openFlags: ArgPrinter = (raw) => printOpenFlags(raw);
const access: ArgPrinter = (raw) => {
  const v = u32(raw, 16);
  if ((v & 0xf) === 0) return 'F_OK';
  const names: string[] = [];
  if (v & 1) names.push('X_OK');
  if (v & 2) names.push('W_OK');
  if (v & 4) names.push('R_OK');
  return names.length === 0 ? `0x${raw}` : names.join('|');
};
const socketDomain: ArgPrinter = (raw) => SOCKET_FAMILIES.get(u32(raw, 16)) ?? `unknown-family(0x${raw})`;
const socketType: ArgPrinter = (raw) => SOCKET_TYPES.get(u32(raw, 16) & 0xff) ?? `unknown-type(${raw})`;
const exitCode: ArgPrinter = (raw) => {
  const v = u32(raw, 16);
  return v === 0 ? 'EXIT_SUCCESS' : v === 1 ? 'EXIT_FAILURE' : 'UNKNOWN';
};
const prot = (isMmap: boolean): ArgPrinter => (raw) => {
  const v = u32(raw, 16);
  if ((v & 7) === 0) return 'PROT_NONE';
  const names = flagNames(v, isMmap ? PROT_FLAGS : PROT_FLAGS.slice(0, 3));
  return names.length === 0 ? `0x${raw}` : names.join('|');
};
const rlimit: ArgPrinter = (raw) => {
  const v = u32(raw, 16);
  return (v < 17 ? RLIMITS[v] : undefined) ?? `unknown-rlimit(0x${raw})`;
};
const clockId: ArgPrinter = (raw) => {
  const v = u32(raw, 16);
  return (v < 7 ? CLOCK_IDS[v] : undefined) ?? `unknown-clk_id(0x${raw})`;
};
const epollCtl: ArgPrinter = (raw) => {
  const v = u32(raw, 16) | 0;
  return EPOLL_CTL_OPS.get(v) ?? `unknown-epoll_ctl-operation(${v})`;
};
const fcntlCmd: ArgPrinter = (raw) => {
  const v = u32(raw, 16) | 0;
  return FCNTL_COMMANDS.get(v) ?? `unknown-fcntl-command(${v})`;
};
const recvFlags: ArgPrinter = (raw) => {
  const names = flagNames(u32(raw, 16), RECV_FLAGS);
  return names.length === 0 ? `0x${raw}` : names.join('|');
};
const ptraceRequest: ArgPrinter = (raw) => PTRACE_REQUESTS.get(u32(raw, 16)) ?? `unknown-ptrace(0x${raw})`;
const WHENCE = ['SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'SEEK_DATA', 'SEEK_HOLE'];
const whence: ArgPrinter = (raw) => WHENCE[u32(raw, 16) & 0xff] ?? `unknown-whence(${raw})`;
const sockoptLevel: ArgPrinter = (raw) => {
  const v = u32(raw, 16);
  // As auparse: SOL_SOCKET, then the IP protocol of that number (getprotobynumber), then SOL_*.
  return v === 1 ? 'SOL_SOCKET' : IP_PROTOCOLS.get(v) ?? SOCKET_LEVELS.get(v) ?? `unknown-sockopt-level(0x${raw})`;
};
const named = (table: ReadonlyMap<number, string>, unknown: string): ArgPrinter => (raw) =>
  table.get(u32(raw, 16)) ?? `${unknown}(0x${raw})`;
const SOCKOPT_NAMES: ReadonlyMap<bigint, ArgPrinter> = new Map<bigint, ArgPrinter>([
  [0n, named(IP_OPTIONS, 'unknown-ipopt-name')],
  [1n, (raw, c) => {
    const v = u32(raw, 16) | 0;
    // PowerPC numbers SO_RCVLOWAT..SO_PEERCRED 16..21; auparse's table keeps them at 116..121.
    const opt = (c.machine === 'ppc' || c.machine === 'ppc64') && v >= 16 && v <= 21 ? v + 100 : v;
    return SOCKET_OPTIONS.get(opt) ?? `unknown-sockopt-name(0x${raw})`;
  }],
  [6n, named(TCP_OPTIONS, 'unknown-tcpopt-name')],
  [17n, named(UDP_OPTIONS, 'unknown-udpopt-name')],
  [41n, named(IPV6_OPTIONS, 'unknown-ip6opt-name')],
  [263n, named(PACKET_OPTIONS, 'unknown-pktopt-name')],
]);
const sockoptName: ArgPrinter = (raw, c) => {
  const p = c.a1 === undefined ? undefined : SOCKOPT_NAMES.get(BigInt.asIntN(32, c.a1));
  return p === undefined ? `0x${raw}` : p(raw, c);
};
const SCHED_RESET_ON_FORK = 0x40000000;
const sched: ArgPrinter = (raw) => {
  const v = u32(raw, 16);
  const s = SCHED_POLICIES.get(v & 0x0f);
  if (s === undefined) return `unknown-scheduler-policy(0x${raw})`;
  return v & SCHED_RESET_ON_FORK ? `${s}|SCHED_RESET_ON_FORK` : s;
};
const shmFlags: ArgPrinter = (raw) => {
  const v = u32(raw, 16);
  const names = flagNames(v & 0o17000, SHM_FLAGS);
  names.push(printModeShort((v & 0o777).toString(8), 8));
  return names.join('|');
};
const F_SETFD = 2n;
const F_SETOWN = 8n;
const fcntlArg: ArgPrinter = (raw, c) => {
  if (c.a1 === F_SETOWN) return c.uid(raw, 16);
  if (c.a1 === F_SETFD && u32(raw, 16) === 1) return 'FD_CLOEXEC';
  return `0x${raw}`;
};
const prctlArg: ArgPrinter = (raw, c) => {
  if (c.a0 === 23n || c.a0 === 24n) return printCapability(raw, 16); // PR_CAPBSET_READ, PR_CAPBSET_DROP
  if (c.a0 === 1n) return printSignal(raw, 16); // PR_SET_PDEATHSIG
  return `0x${raw}`;
};
const socketcall: ArgPrinter = (raw) => SOCKETCALLS.get(u32(raw, 16)) ?? `unknown-socketcall(${raw})`;
const bpfCmd: ArgPrinter = (raw) => BPF_COMMANDS.get(u32(raw, 16)) ?? `unknown-bpf-cmd(${raw})`;
const socketProto: ArgPrinter = (raw) => IP_PROTOCOLS.get(u32(raw, 16)) ?? `unknown-proto(${raw})`;
const ifCreat = (p: ArgPrinter): ArgPrinter => (raw, c) => ((c.a1 ?? 0n) & O_CREAT ? p(raw, c) : `0x${raw}`);

/**
 * Which syscall arguments libauparse 3.0.9 names (`print_a0`..`print_a3` in
 * `auparse/interpret.c`), as data: argument index → syscall name → printer. Arguments not
 * listed print as `0x<raw>`. Every entry was checked against libauparse 3.0.9 itself (which, for
 * instance, names only `chown`'s ids, not `fchown`'s or `lchown`'s, and reads clone's flags from
 * a2). `ipc` (i386) is not interpreted: auparse looks for a syscall named `ipccall`.
 */
export const SYSCALL_ARG_PRINTERS: readonly ReadonlyMap<string, ArgPrinter>[] = [
  new Map<string, ArgPrinter>([
    ['rt_sigaction', sig16], ['unshare', clone], ['personality', (raw) => printPersonality(raw)],
    ['setuid', uid16], ['setreuid', uid16], ['setresuid', uid16], ['setfsuid', uid16],
    ['setgid', gid16], ['setregid', gid16], ['setresgid', gid16], ['setfsgid', gid16],
    ['socket', socketDomain], ['exit', exitCode], ['exit_group', exitCode], ['getrlimit', rlimit], ['setrlimit', rlimit],
    ['clock_settime', clockId], ['ptrace', ptraceRequest], ['prctl', named(PRCTL_OPTIONS, 'unknown-prctl-option')],
    ['socketcall', socketcall], ['bpf', bpfCmd],
    ...['renameat', 'renameat2', 'readlinkat', 'mkdirat', 'mknodat', 'fchownat', 'futimesat', 'fchmodat', 'faccessat',
      'faccessat2', 'futimensat', 'unlinkat', 'utimensat', 'linkat', 'newfstatat', 'openat', 'openat2',
      'name_to_handle_at'].map((s) => [s, dirfd] as const),
  ]),
  new Map<string, ArgPrinter>([
    ['fchmod', modeShort16], ['chmod', modeShort16], ['creat', modeShort16], ['mkdir', modeShort16],
    ['mknod', (raw) => printMode(raw, 16)], ['chown', uid16], ['chown32', uid16],
    ['setsockopt', sockoptLevel], ['getsockopt', sockoptLevel],
    ['setreuid', uid16], ['setresuid', uid16], ['setregid', gid16], ['setresgid', gid16],
    ['socket', socketType], ['setns', clone], ['mq_open', openFlags], ['open', openFlags], ['access', access],
    ['kill', sig16], ['tkill', sig16], ['epoll_ctl', epollCtl], ['fcntl', fcntlCmd], ['fcntl64', fcntlCmd],
    ['prctl', prctlArg], ['sched_setscheduler', sched], ['umount2', (raw) => printFlags(raw, UMOUNT_FLAGS)],
    ['ioctl', (raw) => printIoctlRequest(raw)],
  ]),
  new Map<string, ArgPrinter>([
    // libauparse 3.0.9 reads clone's flags from a2, not a0 (seen with its x86_64 tables).
    ['clone', clone], ['openat', openFlags], ['open', ifCreat(modeShort16)], ['fchmodat', modeShort16], ['faccessat', access],
    ['faccessat2', access], ['open_by_handle_at', openFlags],
    ['setresuid', uid16], ['setresgid', gid16], ['mkdirat', modeShort16], ['mknodat', modeShort16],
    ['mq_open', ifCreat(modeShort16)], ['readlinkat', dirfd], ['linkat', dirfd], ['renameat', dirfd], ['renameat2', dirfd],
    ['tgkill', sig16], ['fcntl', fcntlArg], ['fcntl64', fcntlArg], ['setsockopt', sockoptName], ['getsockopt', sockoptName],
    ['socket', socketProto], ['mmap', prot(true)], ['mprotect', prot(false)], ['lseek', whence],
    ['sendmsg', recvFlags], ['recvmsg', recvFlags], ['shmget', shmFlags],
  ]),
  new Map<string, ArgPrinter>([
    ['mmap', (raw) => printMmapFlags(raw)], ['mount', (raw) => printFlags(raw, MOUNT_FLAGS)],
    ...['recv', 'recvfrom', 'recvmmsg', 'send', 'sendto', 'sendmmsg'].map((s) => [s, recvFlags] as const),
  ]),
];

/**
 * `a0`..`a3` of a SYSCALL record for the named syscall.
 *
 * @example printSyscallArg(0, 'unshare', '10000000', ctx) // → 'CLONE_NEWUSER'
 */
export function printSyscallArg(index: number, syscall: string | undefined, raw: string, ctx: ArgContext): string {
  const p = syscall === undefined ? undefined : SYSCALL_ARG_PRINTERS[index]?.get(syscall);
  return p === undefined ? `0x${raw}` : p(raw, ctx);
}

/** A `%lx` argument as a bigint (for printers that look at another argument). */
export function argValue(raw: string | undefined): bigint | undefined {
  return raw === undefined ? undefined : leadingNumber(raw, 16);
}
