import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { containerIdSchema, containerOpSchema, type ContainerOpValues } from './container-records.js';
import type { ContidList } from './contid.js';
import { buildRecordFrame, typeNumber, type EventStamp, type RecordFrameOptions } from './frames.js';
import type { Dialect } from './model.js';
import { NS_2015_KINDS } from './ns-2015.js';
import type { NsKind } from './ns-inodes.js';
import { namespaceSchema, type NamespaceValues } from './ns-records.js';
import { syscallBody, type SyscallValues } from './syscall.js';

/** The event's frames, followed by the EOE the kernel sends after a syscall event unless `eoe` is false. */
function withEoe(
  frames: Uint8Array<ArrayBuffer>[],
  input: EventStamp & { readonly dialect: Dialect; readonly eoe?: boolean },
  opts: RecordFrameOptions,
): Uint8Array<ArrayBuffer>[] {
  if (input.eoe !== false) frames.push(buildRecordFrame(typeNumber(input.dialect, 'EOE'), input, '', opts));
  return frames;
}

/** One namespace a clone created, as its NS_INIT record says. */
export interface NamespaceCreation extends NamespaceValues {
  readonly ns: NsKind;
}

export interface CloneEventInput extends EventStamp {
  /** A dialect with NS_INIT_* types (ns-2015, or one layered with them). */
  readonly dialect: Dialect;
  readonly syscall: SyscallValues;
  readonly namespaces: readonly NamespaceCreation[];
  /** End with the EOE record the kernel sends after a syscall event. Default true. */
  readonly eoe?: boolean;
}

/**
 * The datagrams of a clone that created namespaces: SYSCALL, one NS_INIT_* record per namespace,
 * EOE. `syscall.args[0]` should carry the matching CLONE_NEW* flags.
 *
 * @example buildCloneEvent({ dialect: ns2015, time, serial: 7, syscall, namespaces: [{ ns: 'net', dev, inode: 4026532008 }] }, { littleEndian: true })
 */
export function buildCloneEvent(input: CloneEventInput, opts: RecordFrameOptions): Uint8Array<ArrayBuffer>[] {
  const frames = [buildRecordFrame(typeNumber(input.dialect, 'SYSCALL'), input, syscallBody(input.syscall), opts)];
  for (const n of input.namespaces) {
    if (!(NS_2015_KINDS as readonly string[]).includes(n.ns)) {
      throw new AuditError(AuditErrorCode.ENCODE, `the 2015 series has no record for ${n.ns} namespaces`, { path: 'namespaces.ns' });
    }
    const { ns, ...values } = n;
    const schema = namespaceSchema('init', ns);
    frames.push(buildRecordFrame(typeNumber(input.dialect, `NS_INIT_${ns.toUpperCase()}`), input, schema.format(schema.build(values)), opts));
  }
  return withEoe(frames, input, opts);
}

export interface ContainerOpEventInput extends EventStamp {
  readonly dialect: Dialect;
  /** The write to /proc/PID/audit_containerid that set it. */
  readonly syscall: SyscallValues;
  readonly op: ContainerOpValues;
  readonly eoe?: boolean;
}

/**
 * A CONTAINER_OP event as ghak90 v11 02/11 shows it: SYSCALL, CONTAINER_OP, then EOE.
 *
 * @example buildContainerOpEvent({ dialect: ghak90V11, time, serial, syscall, op: { op: 'set', opid: 8730, contid: singleContid(5n), oldContid: singleContid(-1n) } }, { littleEndian: true })
 */
export function buildContainerOpEvent(input: ContainerOpEventInput, opts: RecordFrameOptions): Uint8Array<ArrayBuffer>[] {
  const frames = [
    buildRecordFrame(typeNumber(input.dialect, 'SYSCALL'), input, syscallBody(input.syscall), opts),
    buildRecordFrame(typeNumber(input.dialect, 'CONTAINER_OP'), input, containerOpSchema.format(containerOpSchema.build(input.op)), opts),
  ];
  return withEoe(frames, input, opts);
}

export interface ContainerIdEventInput extends EventStamp {
  readonly dialect: Dialect;
  readonly syscall: SyscallValues;
  readonly contid: ContidList;
  /** The `record=` linking SYSCALL and CONTAINER_ID. Default 1. */
  readonly record?: number;
  readonly eoe?: boolean;
}

/**
 * A SYSCALL with ` record=N` appended, followed by its CONTAINER_ID `record=N contid=LIST`
 * (ghak90 v11 03/11), then EOE.
 *
 * @example buildContainerIdEvent({ dialect: ghak90V11, time, serial, syscall, contid: parseContidList('4,^2,^1') }, { littleEndian: true })
 */
export function buildContainerIdEvent(input: ContainerIdEventInput, opts: RecordFrameOptions): Uint8Array<ArrayBuffer>[] {
  const record = input.record ?? 1;
  const frames = [
    buildRecordFrame(typeNumber(input.dialect, 'SYSCALL'), input, syscallBody({ ...input.syscall, record }), opts),
    buildRecordFrame(typeNumber(input.dialect, 'CONTAINER_ID'), input, containerIdSchema.format(containerIdSchema.build({ record, contid: input.contid })), opts),
  ];
  return withEoe(frames, input, opts);
}

