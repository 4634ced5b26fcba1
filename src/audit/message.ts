import { AuditError, AuditErrorCode, isAuditError } from '../bytes/errors.js';
import { ByteWriter } from '../bytes/writer.js';
import type { NlAttr } from '../netlink/attr.js';
import { NLM_F } from '../netlink/flags.js';
import type { Frame, MessageFraming } from '../netlink/framing.js';
import { NLMSG_HDRLEN, nlmsgAlign, writeHeader, type NlMsgHeader } from '../netlink/header.js';
import type { AuditWarning, Issues } from '../netlink/issues.js';
import { errnoName, splitNlmsgerr } from '../netlink/nlmsgerr.js';
import type { CodecContext, MessageDirection, PayloadCodec } from './codec.js';
import type { DoneBody } from './messages/done.js';
import type { EmptyBody } from './messages/empty.js';
import type { AuditFeatures } from './messages/features.js';
import type { AuditMakeEquiv } from './messages/make-equiv.js';
import { rawCodec, type RawBody } from './messages/raw.js';
import type { AuditReplace } from './messages/replace.js';
import type { AuditRuleData } from './messages/rule-data.js';
import type { AuditSigInfo } from './messages/sig-info.js';
import type { AuditStatus } from './messages/status.js';
import type { TextBody } from './messages/text.js';
import type { AuditTtyStatus } from './messages/tty-status.js';
import type { AuditRegistry, MessageClass } from './registry.js';

/**
 * NLMSG_ERROR's payload (`struct nlmsgerr`, reference §1.4). `request` is the echoed request
 * decoded as a message when the kernel copied it whole; otherwise only its header came back, in
 * `msg`. Encoding writes `request` when it is set, else `msg`.
 */
export interface AckBody {
  /** 0 = ACK; negative = -errno; positive = success with a value (AUDIT_SET lost resets). */
  readonly error: number;
  /** errno name of a negative `error`, else null. */
  readonly errno: string | null;
  readonly msg: NlMsgHeader;
  readonly request: AuditMessage | null;
  /** Extended-ACK TLVs, raw (audit never sends them), and their parsed view. */
  readonly tlvs: Uint8Array;
  readonly attrs: readonly NlAttr[] | null;
  readonly trailing: Uint8Array;
}

/**
 * Body type by `kind`. A dialect with a codec of a new kind can add it by declaration merging:
 * `declare module 'audit-netlink' { interface AuditPayloads { contid: MyBody } }`.
 */
export interface AuditPayloads {
  status: AuditStatus;
  features: AuditFeatures;
  rule: AuditRuleData;
  'sig-info': AuditSigInfo;
  'tty-status': AuditTtyStatus;
  'make-equiv': AuditMakeEquiv;
  replace: AuditReplace;
  empty: EmptyBody;
  text: TextBody;
  raw: RawBody;
  done: DoneBody;
  error: AckBody;
}

export type MessageKind = keyof AuditPayloads;

/** One decoded message of kind `K`. */
export interface MessageOf<K extends MessageKind> {
  readonly kind: K;
  /** The type's name (`GET`, `SYSCALL`, `NLMSG_ERROR`, `UNKNOWN[1340]`). */
  readonly name: string;
  readonly class: MessageClass;
  readonly direction: MessageDirection;
  /** The header as on the wire (`nlmsg_len` included, quirk and all). */
  readonly header: NlMsgHeader;
  readonly body: AuditPayloads[K];
  readonly framing: MessageFraming;
  /** Alignment padding after the message, exactly as received (usually zeros, often empty). */
  readonly padding: Uint8Array;
  /** Absolute offset of the header's first byte. */
  readonly offset: number;
  /** nlmsg_len did not match the bytes (lenient only); encoding writes `header.nlmsg_len` as is. */
  readonly lengthMismatch?: true;
  /** Problems a lenient decode stepped over. */
  readonly warnings?: readonly AuditWarning[];
}

/** The decoded message union: `switch (m.kind)` narrows `m.body` without casts. */
export type AuditMessage = { [K in MessageKind]: MessageOf<K> }[MessageKind];

export interface MessageDecodeContext {
  readonly littleEndian: boolean;
  readonly registry: AuditRegistry;
  /** Forced direction; otherwise NLM_F_REQUEST says to-kernel. */
  readonly direction?: MessageDirection;
  /** Absolute offset of the datagram holding the frame. */
  readonly base: number;
  readonly path: string;
  /** How many NLMSG_ERROR echoes deep this frame is (0 for the datagram's own messages). */
  readonly depth?: number;
}

/** Echoes nested deeper than this decode as raw: bounds the recursion a hostile datagram can cause. */
export const MAX_ECHO_DEPTH = 4;

/**
 * Decode one frame found by `splitDatagram`; problems go to `issues`. `decodeDatagram` is the
 * usual entry point; this is for callers that do their own framing.
 *
 * @example
 * decodeFrame(split.frames[0], { littleEndian: true, registry: MAINLINE_REGISTRY, base: 0, path: 'msg[0]' }, new Issues('strict')).kind
 */
export function decodeFrame(frame: Frame, ctx: MessageDecodeContext, issues: Issues): AuditMessage {
  const header = frame.header;
  const type = header.nlmsg_type;
  const direction = ctx.direction ?? ((header.nlmsg_flags & NLM_F.REQUEST) !== 0 ? 'to-kernel' : 'from-kernel');
  const offset = ctx.base + frame.offset;
  const codecCtx: CodecContext = {
    littleEndian: ctx.littleEndian,
    base: offset + NLMSG_HDRLEN,
    path: ctx.path,
    header,
    validation: issues.validation,
    direction,
  };
  const registry = ctx.registry;
  // One registry lookup gives the name, the class and the codec.
  const entry = registry.entry(type);
  const name = entry === undefined ? registry.nameOf(type) : entry.name;
  const cls = entry === undefined ? registry.classOf(type) : entry.class;
  const payload = frame.payload;
  let kind: MessageKind;
  let body: unknown;
  try {
    if (type === 2 && (ctx.depth ?? 0) < MAX_ECHO_DEPTH) {
      kind = 'error';
      body = decodeAck(frame, codecCtx, ctx, issues);
    } else {
      const c = entry?.codec;
      const codec = c === undefined || typeof c === 'function' ? registry.codecFor(type, { direction, payloadLength: payload.length, header }) : c;
      kind = codec.kind as MessageKind;
      body = codec.decode(payload, codecCtx);
    }
  } catch (e) {
    if (!isAuditError(e)) throw e;
    issues.absorb(e);
    kind = 'raw';
    body = rawCodec.decode(payload, codecCtx);
  }
  // Empty padding (every record, most control messages) is one shared empty array, not a copy.
  const padding = frame.padding.length === 0 ? EMPTY : frame.padding.slice();
  const framing = frame.framing;
  // One literal, no spreads; keys in the order the earlier `{ ...common, kind, body }` had.
  const m = frame.lengthMismatch
    ? { name, class: cls, direction, header, framing, padding, offset, lengthMismatch: true as const, kind, body }
    : { name, class: cls, direction, header, framing, padding, offset, kind, body };
  return m as AuditMessage;
}

const EMPTY: Uint8Array = new Uint8Array(0);

function decodeAck(frame: Frame, codecCtx: CodecContext, ctx: MessageDecodeContext, issues: Issues): AckBody {
  const path = ctx.path === '' ? 'nlmsgerr' : `${ctx.path}.nlmsgerr`;
  const parts = splitNlmsgerr(frame.payload, frame.header.nlmsg_flags, ctx.littleEndian, codecCtx.base, issues, path);
  let request: AuditMessage | null = null;
  if (parts.echoed !== null) {
    const echo: Frame = { offset: 0, header: parts.msg, payload: parts.echoed, padding: parts.echoPadding, framing: 'standard', lengthMismatch: false };
    const inner = issues.child();
    request = decodeFrame(echo, { ...ctx, direction: 'to-kernel', base: codecCtx.base + 4, path: `${path}.msg`, depth: (ctx.depth ?? 0) + 1 }, inner);
    if (inner.warnings.length > 0) request = { ...request, warnings: inner.warnings };
    issues.warnings.push(...inner.warnings);
  }
  return { error: parts.error, errno: errnoName(parts.error), msg: parts.msg, request, tlvs: parts.tlvs.slice(), attrs: parts.attrs, trailing: parts.trailing.slice() };
}

/** A message to encode: what `decodeDatagram` returns, or a header and a body built by hand. */
export type MessageInput = {
  [K in MessageKind]: {
    readonly kind: K;
    readonly body: AuditPayloads[K];
    readonly header: Partial<NlMsgHeader> & { readonly nlmsg_type: number };
    readonly framing?: MessageFraming;
    /** Kept padding; when absent, zeros up to NLMSG_ALIGN. */
    readonly padding?: Uint8Array;
    readonly lengthMismatch?: true;
  };
}[MessageKind];

function codecOf(kind: string, registry: AuditRegistry): PayloadCodec<unknown> {
  const c = registry.codecForKind(kind);
  if (c === undefined) throw new AuditError(AuditErrorCode.ENCODE, `no codec for message kind '${kind}' in registry ${registry.name}`, { path: 'kind' });
  return c;
}

function bodySize(m: MessageInput, registry: AuditRegistry): number {
  if (m.kind === 'error') {
    const b = m.body;
    const echo = b.request === null ? NLMSG_HDRLEN : messageSize(b.request, registry, true);
    return 4 + echo + b.tlvs.length + b.trailing.length;
  }
  return codecOf(m.kind, registry).size(m.body);
}

/**
 * The nlmsg_len encoding writes: NLMSG_LENGTH(size) (the kernel's nlmsg_put), or the payload only
 * for unicast records, or the wire value when `lengthMismatch` is set.
 *
 * @example
 * computeLength({ kind: 'empty', header: { nlmsg_type: 1000 }, body: { trailing: new Uint8Array(0) } }, MAINLINE_REGISTRY) // 16
 */
export function computeLength(m: MessageInput, registry: AuditRegistry): number {
  if (m.lengthMismatch === true && m.header.nlmsg_len !== undefined) return m.header.nlmsg_len;
  const size = bodySize(m, registry);
  return m.framing === 'unicast' ? size : NLMSG_HDRLEN + size;
}

function paddingOf(m: MessageInput, len: number, last: boolean): Uint8Array | number {
  if (m.framing === 'unicast') return m.padding ?? 0;
  const need = nlmsgAlign(len) - len;
  const kept = m.padding;
  if (kept === undefined) return need;
  if (kept.length === need || (last && kept.length < need)) return kept;
  return need;
}

/**
 * Bytes `encodeMessageInto` writes for `m`, padding included.
 *
 * @example
 * messageSize(msg, MAINLINE_REGISTRY, true) // 60 for a 44-byte audit_status reply
 */
export function messageSize(m: MessageInput, registry: AuditRegistry, last: boolean): number {
  const len = computeLength(m, registry);
  const standardLen = m.framing === 'unicast' ? NLMSG_HDRLEN + len : len;
  const pad = paddingOf(m, standardLen, last);
  const payload = NLMSG_HDRLEN + bodySize(m, registry);
  return payload + (typeof pad === 'number' ? pad : pad.length);
}

/**
 * Write one message: header (length computed), body, padding. `last` keeps a short final padding.
 *
 * @example
 * const w = new ByteWriter(true); encodeMessageInto(w, msg, MAINLINE_REGISTRY, true); w.finish()
 */
export function encodeMessageInto(w: ByteWriter, m: MessageInput, registry: AuditRegistry, last: boolean): void {
  const len = computeLength(m, registry);
  const h = m.header;
  writeHeader(w, { nlmsg_len: len, nlmsg_type: h.nlmsg_type, nlmsg_flags: h.nlmsg_flags ?? 0, nlmsg_seq: h.nlmsg_seq ?? 0, nlmsg_pid: h.nlmsg_pid ?? 0 });
  if (m.kind === 'error') {
    const b = m.body;
    w.i32(b.error, 'nlmsgerr.error');
    if (b.request === null) writeHeader(w, b.msg);
    else encodeMessageInto(w, b.request, registry, true);
    w.bytes(b.tlvs).bytes(b.trailing);
  } else {
    codecOf(m.kind, registry).encode(w, m.body);
  }
  const pad = paddingOf(m, m.framing === 'unicast' ? NLMSG_HDRLEN + len : len, last);
  if (typeof pad === 'number') w.zeros(pad);
  else w.bytes(pad);
}


