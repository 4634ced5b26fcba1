import { AuditError, AuditErrorCode } from '../../bytes/errors.js';

/** Namespace kinds the proposals log, as the `/proc/PID/ns/` link names spell them. */
export const NS_KINDS = ['mnt', 'uts', 'ipc', 'user', 'pid', 'net', 'cgroup', 'time'] as const;
export type NsKind = (typeof NS_KINDS)[number];

/**
 * Fixed inode numbers of the initial namespaces (`include/linux/proc_ns.h`, reference §5.2);
 * mnt and net have none, their inodes are allocated.
 */
export const INITIAL_NS_INODES: readonly (readonly [number, NsKind])[] = [
  [0xefffffff, 'ipc'],
  [0xeffffffe, 'uts'],
  [0xeffffffd, 'user'],
  [0xeffffffc, 'pid'],
  [0xeffffffb, 'cgroup'],
  [0xeffffffa, 'time'],
];

const BY_INODE: ReadonlyMap<number, NsKind> = new Map(INITIAL_NS_INODES);

/**
 * The name of an initial namespace's inode (`init_uts`), or undefined for any other inode.
 *
 * @example initialNamespaceName(0xeffffffe) // 'init_uts'
 */
export function initialNamespaceName(inode: number): string | undefined {
  const kind = BY_INODE.get(inode);
  return kind === undefined ? undefined : `init_${kind}`;
}

/** A device number as audit prints it: `MAJ:MIN`, each `%02x`. */
export interface DevNumber {
  readonly major: number;
  readonly minor: number;
}

/**
 * Parse `MAJ:MIN` (lower-case hex, at least two digits each, as `%02x:%02x` prints).
 *
 * @example parseDev('00:04') // { major: 0, minor: 4 }
 */
export function parseDev(text: string, base = 0, path = 'dev'): DevNumber {
  const m = /^([0-9a-f]{2,8}):([0-9a-f]{2,8})$/.exec(text);
  if (m === null) throw new AuditError(AuditErrorCode.BAD_VALUE, `not MAJ:MIN in hex: ${JSON.stringify(text)}`, { offset: base, path });
  const dev = { major: parseInt(m[1]!, 16), minor: parseInt(m[2]!, 16) };
  if (formatDev(dev) !== text) {
    throw new AuditError(AuditErrorCode.BAD_VALUE, `non-canonical MAJ:MIN ${JSON.stringify(text)} (extra leading zeros)`, { offset: base, path });
  }
  return dev;
}

/**
 * `%02x:%02x` of a device number.
 *
 * @example formatDev({ major: 0xfd, minor: 0 }) // 'fd:00'
 */
export function formatDev(dev: DevNumber): string {
  for (const v of [dev.major, dev.minor]) {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new AuditError(AuditErrorCode.ENCODE, `device part ${v} is not a u32`, { path: 'dev' });
  }
  return `${dev.major.toString(16).padStart(2, '0')}:${dev.minor.toString(16).padStart(2, '0')}`;
}
