import type { PayloadCodec } from '../audit/codec.js';
import { ByteWriter } from '../bytes/writer.js';
import { NLM_F } from '../netlink/flags.js';
import { NLMSG_HDRLEN, nlmsgAlign, writeHeader } from '../netlink/header.js';

/**
 * How `nlmsg_len` is written (docs/framing.md):
 * - `kernel`: `nlmsg_put` — NLMSG_LENGTH(payload), then zero padding to NLMSG_ALIGN;
 * - `libaudit`: `__audit_send` — NLMSG_SPACE(payload): the padding counted in the length;
 * - `record`: a kernel record to a multicast reader — header + text, no padding;
 * - `unicast`: a kernel record to auditd — `nlmsg_len` counts the payload only (the quirk), no padding.
 */
export type LengthStyle = 'kernel' | 'libaudit' | 'record' | 'unicast';

export interface FrameSpec {
  readonly type: number;
  readonly flags: number;
  readonly seq: number;
  readonly pid: number;
  readonly payload: Uint8Array;
  readonly style: LengthStyle;
}

/**
 * One netlink message, written the way its sender writes it.
 *
 * @example buildFrame({ type: 1000, flags: 5, seq: 1, pid: 0, payload: new Uint8Array(0), style: 'libaudit' }, true).length // 16
 */
export function buildFrame(spec: FrameSpec, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const n = spec.payload.length;
  const padded = nlmsgAlign(n);
  const len = spec.style === 'unicast' ? n : spec.style === 'libaudit' ? NLMSG_HDRLEN + padded : NLMSG_HDRLEN + n;
  const w = new ByteWriter(littleEndian, NLMSG_HDRLEN + padded);
  writeHeader(w, { nlmsg_len: len, nlmsg_type: spec.type, nlmsg_flags: spec.flags, nlmsg_seq: spec.seq, nlmsg_pid: spec.pid });
  w.bytes(spec.payload);
  if (spec.style === 'kernel' || spec.style === 'libaudit') w.zeros(padded - n);
  return w.finish();
}

export { concatBytes } from '../bytes/concat.js';

/**
 * Payload bytes of `body` through `codec`.
 *
 * @example encodeBody(replaceCodec, { pid: 42, trailing: new Uint8Array(0) }, true) // 2a000000
 */
export function encodeBody<T>(codec: PayloadCodec<T>, body: T, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const w = new ByteWriter(littleEndian, codec.size(body));
  codec.encode(w, body);
  return w.finish();
}

/**
 * How the kernel answers a request with NLM_F_ACK (net/netlink/af_netlink.c `netlink_ack`):
 * - `capped`: success, NLM_F_CAPPED, only the request's header echoed (Linux ≥ 4.12);
 * - `header-only`: success on older kernels, no CAPPED flag, still only the header;
 * - `full`: an error, or a positive value, with the whole request echoed.
 */
export type AckMode = 'capped' | 'header-only' | 'full';

/**
 * The NLMSG_ERROR the kernel sends for `request` (one message, as sent).
 *
 * @example ackFrame(request, 0, 'capped', 4242, true).length // 36
 */
export function ackFrame(request: Uint8Array, error: number, mode: AckMode, portid: number, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const echo = mode === 'full' ? request : request.subarray(0, NLMSG_HDRLEN);
  const seq = new DataView(request.buffer, request.byteOffset, request.byteLength).getUint32(8, littleEndian);
  const w = new ByteWriter(littleEndian, 4 + echo.length);
  w.i32(error, 'nlmsgerr.error').bytes(echo);
  return buildFrame({ type: 2, flags: mode === 'capped' ? NLM_F.CAPPED : 0, seq, pid: portid, payload: w.finish(), style: 'kernel' }, littleEndian);
}
