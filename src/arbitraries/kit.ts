import fc from 'fast-check';
import { NLM_F } from '../netlink/flags.js';
import { buildRecordFrame } from '../audit/dialects/index.js';
import { ERRNO_NUMBERS } from '../tables/errno.js';
import { ackFrame, buildFrame, type AckMode } from './frame.js';
import { littleEndianArbitrary, portidArbitrary, seqArbitrary } from './primitives.js';
import type { EventSpec } from './records.js';
import type { FamilyName, GeneratedDatagram, GeneratedExchange, ResolvedOptions } from './types.js';

/** The shared pieces of the family generators: requests, replies and ACKs as their senders write them. */

export const REQ_ACK = NLM_F.REQUEST | NLM_F.ACK;
export const EMPTY = new Uint8Array(0);

/** What every exchange starts from: byte order, the request's seq, the requester's port id. */
export interface Ctx {
  readonly le: boolean;
  readonly seq: number;
  readonly portid: number;
  readonly ackMode: AckMode;
}

export function ctxArbitrary(o: ResolvedOptions): fc.Arbitrary<Ctx> {
  return fc.record({
    le: littleEndianArbitrary(o.byteOrder),
    seq: seqArbitrary,
    portid: portidArbitrary,
    ackMode: fc.constantFrom<AckMode>('capped', 'capped', 'capped', 'header-only'),
  });
}

export type Maker = (o: ResolvedOptions) => fc.Arbitrary<GeneratedExchange>;

export function dg(o: ResolvedOptions, family: FamilyName, c: { le: boolean }, role: string, bytes: Uint8Array<ArrayBuffer>, direction: 'to-kernel' | 'from-kernel'): GeneratedDatagram {
  return { bytes, littleEndian: c.le, dialect: o.dialect.name, direction, family, role };
}

/** A request with NLM_F_REQUEST|NLM_F_ACK as libaudit sends it (NLMSG_SPACE length, pid 0). */
export function request(c: Ctx, type: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  return buildFrame({ type, flags: REQ_ACK, seq: c.seq, pid: 0, payload, style: 'libaudit' }, c.le);
}

/** A reply as `audit_send_reply` makes it (pid 0, the request's seq, nlmsg_put length). */
export function reply(c: Ctx, type: number, payload: Uint8Array, flags = 0): Uint8Array<ArrayBuffer> {
  return buildFrame({ type, flags, seq: c.seq, pid: 0, payload, style: 'kernel' }, c.le);
}

export function ack(o: ResolvedOptions, family: FamilyName, c: Ctx, req: Uint8Array, error = 0): GeneratedDatagram {
  const mode: AckMode = error === 0 ? c.ackMode : 'full';
  return dg(o, family, c, error === 0 ? 'ack' : 'error', ackFrame(req, error, mode, c.portid, c.le), 'from-kernel');
}

/** Request → ACK → reply, the order auditctl sees for a GET-style request. */
export function getExchange(o: ResolvedOptions, family: FamilyName, c: Ctx, type: number, reqPayload: Uint8Array, replyType: number, replyPayload: Uint8Array): GeneratedExchange {
  const req = request(c, type, reqPayload);
  return [dg(o, family, c, 'request', req, 'to-kernel'), ack(o, family, c, req), dg(o, family, c, 'reply', reply(c, replyType, replyPayload), 'from-kernel')];
}

/** Request → ACK (or an error echoing the whole request). */
export function setExchange(o: ResolvedOptions, family: FamilyName, c: Ctx, type: number, payload: Uint8Array, error = 0): GeneratedExchange {
  const req = request(c, type, payload);
  return [dg(o, family, c, 'request', req, 'to-kernel'), ack(o, family, c, req, error)];
}

export const errno = (name: string): number => -(ERRNO_NUMBERS.get(name) ?? 22);
export function recordFraming(o: ResolvedOptions): fc.Arbitrary<'unicast' | 'multicast'> {
  return o.recordFraming === 'any' ? fc.constantFrom('unicast', 'multicast') : fc.constant(o.recordFraming);
}

export function eventDatagrams(o: ResolvedOptions, family: FamilyName, le: boolean, framing: 'unicast' | 'multicast', e: EventSpec): GeneratedDatagram[] {
  return e.records.map((r) => dg(o, family, { le }, r.type === 1320 ? 'eoe' : 'record', buildRecordFrame(r.type, e, r.body, { littleEndian: le, framing }), 'from-kernel'));
}
