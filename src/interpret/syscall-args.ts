import {
  CLOCK_IDS, EPOLL_CTL_OPS, FCNTL_COMMANDS, flagNames, IP_PROTOCOLS, PROT_FLAGS, PTRACE_REQUESTS, RECV_FLAGS, RLIMITS, SOCKET_FAMILIES,
  SOCKET_TYPES,
} from './flags.js';
import {
  leadingNumber, printCapability, printCloneFlags, printMmapFlags, printMode, printModeShort, printOpenFlags,
  printPersonality, printSignal, u32,
} from './values.js';

/** What an argument printer may look at besides the value: the syscall's other arguments. */
export interface ArgContext {
  readonly a0: bigint | undefined;
  readonly a1: bigint | undefined;
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
  if (v === 0) return 'F_OK';
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
  return v === 1 ? 'SOL_SOCKET' : IP_PROTOCOLS.get(v) ?? `unknown-sockopt-level(0x${raw})`;
};
const socketProto: ArgPrinter = (raw) => IP_PROTOCOLS.get(u32(raw, 16)) ?? `unknown-proto(${raw})`;
const ifCreat = (p: ArgPrinter): ArgPrinter => (raw, c) => ((c.a1 ?? 0n) & O_CREAT ? p(raw, c) : `0x${raw}`);

/**
 * Which syscall arguments libauparse 3.0.9 names (`print_a0`..`print_a3` in
 * `auparse/interpret.c`), as data: argument index → syscall name → printer. Arguments not
 * listed print as `0x<raw>`. Not implemented yet (they print `0x<raw>`, see
 * docs/interpretation.md): prctl options, mount/umount flags, ioctl requests, socket option
 * names, shm flags, IPC and socket calls, scheduler
 * policies, bpf commands, fcntl a2.
 */
export const SYSCALL_ARG_PRINTERS: readonly ReadonlyMap<string, ArgPrinter>[] = [
  new Map<string, ArgPrinter>([
    ['rt_sigaction', sig16], ['unshare', clone], ['personality', (raw) => printPersonality(raw)],
    ['setuid', uid16], ['setreuid', uid16], ['setresuid', uid16], ['setfsuid', uid16],
    ['setgid', gid16], ['setregid', gid16], ['setresgid', gid16], ['setfsgid', gid16],
    ['socket', socketDomain], ['exit', exitCode], ['exit_group', exitCode], ['getrlimit', rlimit], ['setrlimit', rlimit],
    ['clock_settime', clockId], ['ptrace', ptraceRequest],
    ...['renameat', 'readlinkat', 'mkdirat', 'mknodat', 'fchownat', 'futimesat', 'fchmodat', 'faccessat', 'futimensat',
      'unlinkat', 'utimensat', 'linkat', 'newfstatat', 'openat'].map((s) => [s, dirfd] as const),
  ]),
  new Map<string, ArgPrinter>([
    ['fchmod', modeShort16], ['chmod', modeShort16], ['creat', modeShort16], ['mkdir', modeShort16],
    ['mknod', (raw) => printMode(raw, 16)], ['chown', uid16], ['fchown', uid16], ['lchown', uid16],
    ['setsockopt', sockoptLevel], ['getsockopt', sockoptLevel],
    ['setreuid', uid16], ['setresuid', uid16], ['setregid', gid16], ['setresgid', gid16],
    ['socket', socketType], ['setns', clone], ['mq_open', openFlags], ['open', openFlags], ['access', access],
    ['kill', sig16], ['tkill', sig16], ['epoll_ctl', epollCtl], ['fcntl', fcntlCmd], ['fcntl64', fcntlCmd],
    ['prctl', (raw, c) => (c.a0 === 23n || c.a0 === 24n ? printCapability(raw, 16) : c.a0 === 1n ? printSignal(raw, 16) : `0x${raw}`)],
  ]),
  new Map<string, ArgPrinter>([
    // libauparse 3.0.9 reads clone's flags from a2, not a0 (seen with its x86_64 tables).
    ['clone', clone], ['openat', openFlags], ['open', ifCreat(modeShort16)], ['fchmodat', modeShort16], ['faccessat', access],
    ['setresuid', uid16], ['setresgid', gid16], ['mkdirat', modeShort16], ['mknodat', modeShort16],
    ['mq_open', ifCreat(modeShort16)], ['readlinkat', dirfd], ['linkat', dirfd],
    ['chown', gid16], ['fchown', gid16], ['lchown', gid16], ['tgkill', sig16],
    ['socket', socketProto], ['mmap', prot(true)], ['mprotect', prot(false)], ['lseek', whence],
    ['sendmsg', recvFlags], ['recvmsg', recvFlags],
  ]),
  new Map<string, ArgPrinter>([
    ['mmap', (raw) => printMmapFlags(raw)],
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
