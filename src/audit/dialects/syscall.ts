import { untrustedValue } from './fields.js';
import type { NsKind } from './ns-inodes.js';

/** The values of a SYSCALL record (reference §4.4), in the order the kernel prints them. */
export interface SyscallValues {
  /** AUDIT_ARCH_* (0xc000003e for x86_64). */
  readonly arch: number;
  readonly syscall: number;
  /** Absent when the return value is not valid (no `success=`/`exit=`). */
  readonly exit?: bigint;
  readonly args: readonly [bigint, bigint, bigint, bigint];
  readonly items: number;
  readonly ppid: number;
  readonly pid: number;
  readonly auid: number;
  readonly uid: number;
  readonly gid: number;
  readonly euid: number;
  readonly suid: number;
  readonly fsuid: number;
  readonly egid: number;
  readonly sgid: number;
  readonly fsgid: number;
  readonly tty: string;
  readonly ses: number;
  readonly comm: string;
  readonly exe: string | null;
  readonly subj?: string;
  readonly key: string | null;
  /** ghak90 v9–v11: the `record=` that links this SYSCALL to its CONTAINER_ID. */
  readonly record?: number;
}

const hex = (v: bigint): string => (v < 0n ? (v & 0xffff_ffff_ffff_ffffn) : v).toString(16);

/**
 * The body of a SYSCALL record, as `audit_log_exit` prints it.
 *
 * @example syscallBody({ ...v, key: 'container-create' }).endsWith('key="container-create"') // true
 */
export function syscallBody(v: SyscallValues): string {
  const parts = [`arch=${v.arch.toString(16)}`, `syscall=${v.syscall}`];
  if (v.exit !== undefined) parts.push(`success=${v.exit >= 0n ? 'yes' : 'no'}`, `exit=${v.exit}`);
  v.args.forEach((a, i) => parts.push(`a${i}=${hex(a)}`));
  parts.push(`items=${v.items}`, `ppid=${v.ppid}`, `pid=${v.pid}`, `auid=${v.auid}`, `uid=${v.uid}`, `gid=${v.gid}`);
  parts.push(`euid=${v.euid}`, `suid=${v.suid}`, `fsuid=${v.fsuid}`, `egid=${v.egid}`, `sgid=${v.sgid}`, `fsgid=${v.fsgid}`);
  parts.push(`tty=${v.tty}`, `ses=${v.ses}`, `comm=${untrustedValue(v.comm)}`, `exe=${untrustedValue(v.exe)}`);
  if (v.subj !== undefined) parts.push(`subj=${v.subj}`);
  parts.push(`key=${untrustedValue(v.key)}`);
  if (v.record !== undefined) parts.push(`record=${v.record}`);
  return parts.join(' ');
}

/** `CLONE_NEW*` flags of `include/uapi/linux/sched.h`, by namespace kind. */
export const CLONE_NEW: Readonly<Record<NsKind, number>> = {
  time: 0x00000080,
  mnt: 0x00020000,
  cgroup: 0x02000000,
  uts: 0x04000000,
  ipc: 0x08000000,
  user: 0x10000000,
  pid: 0x20000000,
  net: 0x40000000,
};

