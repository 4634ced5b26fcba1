import type { ContidList } from './contid.js';
import type { DevNumber, NsKind } from './ns-inodes.js';
import { defineRecordSchema } from './typed-record.js';
import { contid128Value, contidListValue, devValue, i32Value, u32Value, wordValue } from './values.js';

/**
 * AUDIT_CONTAINER_OP (1020): `op=set|drop opid=%d contid=%llu old-contid=%llu`
 * (reference §6.3; [LA] "[PATCH ghak90 v11 02/11]", contid lists from 10/11).
 */
export interface ContainerOpValues {
  readonly op: string;
  readonly opid: number;
  readonly contid: ContidList;
  readonly oldContid: ContidList;
}

/** @example containerOpSchema.parseBody('op=set opid=1 contid=5 old-contid=-1').values.op // 'set' */
export const containerOpSchema = defineRecordSchema<ContainerOpValues>('container-op', {
  op: { name: 'op', codec: wordValue },
  opid: { name: 'opid', codec: i32Value },
  contid: { name: 'contid', codec: contidListValue },
  oldContid: { name: 'old-contid', codec: contidListValue },
});

/**
 * AUDIT_CONTAINER_ID, the auxiliary record: `record=%d contid=<list>` in v9–v11 ([LA] v11 03/11,
 * 08/11); V8's had only `contid=%llu`, hence `record` is optional.
 */
export interface ContainerIdValues {
  readonly record?: number;
  readonly contid: ContidList;
}

/** @example containerIdSchema.parseBody('record=1 contid=4,^2,^1').values.record // 1 */
export const containerIdSchema = defineRecordSchema<ContainerIdValues>('container-id', {
  record: { name: 'record', codec: u32Value, optional: true },
  contid: { name: 'contid', codec: contidListValue },
});

/** AUDIT_SET_CAPCONTID record (1022, V8–v11): `opid=%d capcontid=%u old-capcontid=%u` ([LA] v11 11/11). */
export interface SetCapcontidValues {
  readonly opid: number;
  readonly capcontid: number;
  readonly oldCapcontid: number;
}

/** @example setCapcontidSchema.parseBody('opid=7 capcontid=1 old-capcontid=0').values.capcontid // 1 */
export const setCapcontidSchema = defineRecordSchema<SetCapcontidValues>('set-capcontid', {
  opid: { name: 'opid', codec: i32Value },
  capcontid: { name: 'capcontid', codec: u32Value },
  oldCapcontid: { name: 'old-capcontid', codec: u32Value },
});

/**
 * The 2017 RFC's container record ([LWN-740621], reference §6.1): a 128-bit container ID, the pid
 * of the container's first process and the nsfs device and inode of each namespace. No text was
 * published; this is the library's representation. nsfs is one pseudo file system, so all the
 * inodes share one device, printed once:
 *
 *     [op=%s] contid=<32 hex digits|-1> pid=%d dev=MAJ:MIN [mntns= utsns= ipcns= userns= pidns= netns= cgroupns=] [res=0|1]
 */
export interface RfcContainerValues {
  readonly op?: string;
  readonly contid: bigint;
  readonly pid: number;
  readonly dev: DevNumber;
  readonly mntns?: number;
  readonly utsns?: number;
  readonly ipcns?: number;
  readonly userns?: number;
  readonly pidns?: number;
  readonly netns?: number;
  readonly cgroupns?: number;
  readonly res?: number;
}

/** @example rfcContainerSchema.parseBody(`contid=${'0'.repeat(31)}1 pid=5 dev=00:04 netns=9`).values.netns // 9 */
export const rfcContainerSchema = defineRecordSchema<RfcContainerValues>('rfc-container', {
  op: { name: 'op', codec: wordValue, optional: true },
  contid: { name: 'contid', codec: contid128Value },
  pid: { name: 'pid', codec: i32Value },
  dev: { name: 'dev', codec: devValue },
  mntns: { name: 'mntns', codec: u32Value, optional: true },
  utsns: { name: 'utsns', codec: u32Value, optional: true },
  ipcns: { name: 'ipcns', codec: u32Value, optional: true },
  userns: { name: 'userns', codec: u32Value, optional: true },
  pidns: { name: 'pidns', codec: u32Value, optional: true },
  netns: { name: 'netns', codec: u32Value, optional: true },
  cgroupns: { name: 'cgroupns', codec: u32Value, optional: true },
  res: { name: 'res', codec: u32Value, optional: true },
});

const RFC_NS_KINDS = ['mnt', 'uts', 'ipc', 'user', 'pid', 'net', 'cgroup'] as const;

/** One namespace of the RFC record: its kind and nsfs (device, inode). */
export interface RfcNamespace {
  readonly kind: NsKind;
  readonly dev: DevNumber;
  readonly inode: number;
}

/**
 * The RFC record's namespaces as a list, in the record's order.
 *
 * @example rfcNamespaces({ contid: 1n, pid: 5, dev: { major: 0, minor: 4 }, netns: 9 }) // [{ kind: 'net', dev: …, inode: 9 }]
 */
export function rfcNamespaces(values: RfcContainerValues): RfcNamespace[] {
  const out: RfcNamespace[] = [];
  for (const kind of RFC_NS_KINDS) {
    const inode = values[`${kind}ns`];
    if (inode !== undefined) out.push({ kind, dev: values.dev, inode });
  }
  return out;
}
