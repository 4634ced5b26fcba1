import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { formatHeader } from '../../records/header.js';
import type { RecordTime } from '../../records/types.js';
import type { PayloadCodec } from '../codec.js';
import { encodeMessage } from '../datagram.js';
import type { MessageInput } from '../message.js';
import { makeTextBody } from '../messages/text.js';
import type { Dialect } from './model.js';

/** How a kernel record datagram is framed: `nlmsg_len` = payload only (unicast to auditd) or header + payload (multicast). */
export interface RecordFrameOptions {
  readonly littleEndian: boolean;
  /** Default `unicast`, what the registered audit daemon receives (reference §1.9). */
  readonly framing?: 'unicast' | 'multicast';
}

/** The stamp shared by the records of one event. */
export interface EventStamp {
  readonly time: RecordTime;
  readonly serial: number;
}

/**
 * The number of type `name` in `dialect`; `AUDIT_ERR_ENCODE` when the dialect has no such type.
 *
 * @example typeNumber(getDialect('ghak90-v8'), 'CONTAINER_ID') // 1335
 */
export function typeNumber(dialect: Dialect, name: string): number {
  const n = dialect.typeNumbers.get(name);
  if (n === undefined) throw new AuditError(AuditErrorCode.ENCODE, `dialect ${dialect.name} has no ${name} type`, { path: 'type' });
  return n;
}

/**
 * One kernel record datagram: a 16-byte header (flags, seq and pid 0), then `audit(SEC.MS:SERIAL): `
 * and the body, with no NUL and no padding (reference §1.9).
 *
 * @example buildRecordFrame(1307, { time: { sec: 1700000000, msec: 123 }, serial: 42 }, 'cwd="/root"', { littleEndian: true }).length // 53
 */
export function buildRecordFrame(type: number, stamp: EventStamp, body: string, opts: RecordFrameOptions): Uint8Array<ArrayBuffer> {
  const text = `${formatHeader(stamp.time, stamp.serial)} ${body}`;
  const message: MessageInput = {
    kind: 'text',
    header: { nlmsg_type: type, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 },
    body: makeTextBody(text),
    framing: (opts.framing ?? 'unicast') === 'unicast' ? 'unicast' : 'standard',
    padding: new Uint8Array(0),
  };
  return encodeMessage(message, { littleEndian: opts.littleEndian });
}

export interface ReplyOptions {
  readonly littleEndian: boolean;
  /** The request's sequence number, which the reply echoes. */
  readonly seq: number;
}

/**
 * The AUDIT_SIGNAL_INFO2 reply a patched kernel sends (`audit_send_reply`: pid 0, flags 0, the
 * request's seq, nlmsg_len = 16 + payload, zero padding to 4 bytes). `body` is the dialect's
 * `audit_sig_info2` shape (V7 `{ uid, pid, cid, ctx }`, v11 `{ uid, pid, cid_len, contid, ctx }`).
 *
 * @example buildSignalInfo2Reply(ghak90V11, { uid: 0, pid: 1, cid_len: 2, contid: 42n, ctx: new Uint8Array() }, { littleEndian: true, seq: 3 })
 */
export function buildSignalInfo2Reply(dialect: Dialect, body: unknown, opts: ReplyOptions): Uint8Array<ArrayBuffer> {
  const type = typeNumber(dialect, 'SIGNAL_INFO2');
  const entry = dialect.types.get(type)!;
  const codec = entry.codec as PayloadCodec<unknown>;
  const message = { kind: codec.kind, header: { nlmsg_type: type, nlmsg_flags: 0, nlmsg_seq: opts.seq, nlmsg_pid: 0 }, body } as unknown as MessageInput;
  return encodeMessage(message, { littleEndian: opts.littleEndian, registry: dialect.registry });
}
