import fc from 'fast-check';
import { AuditErrorCode } from '../bytes/errors.js';
import { ByteWriter } from '../bytes/writer.js';
import { encodeBody, ackFrame, buildFrame, concatBytes } from './frame.js';
import { littleEndianArbitrary, seqArbitrary } from './primitives.js';
import { ruleArbitrary } from './rules.js';
import { auditSigInfoArbitrary, auditStatusArbitrary } from './structs.js';
import { ruleToBytes } from '../rules/messages.js';
import { statusCodec } from '../audit/messages/status.js';
import { sigInfoCodec } from '../audit/messages/sig-info.js';
import { MAINLINE_RULE_STRING_FIELDS } from '../audit/messages/rule-data.js';
import type { ByteOrderChoice } from './types.js';

/**
 * The defects the invalid generators make, each with the `AuditError` code that
 * `decodeDatagram(bytes, { littleEndian, validation: 'strict' })` (default `auto` framing, the
 * mainline registry) must throw. docs/arbitraries.md has the same table.
 */
export const INVALID_KINDS = {
  'short-datagram': { code: AuditErrorCode.TRUNCATED, doc: 'a datagram of 1–15 bytes, too short for a header' },
  'len-below-header': { code: AuditErrorCode.BAD_LENGTH, doc: 'nlmsg_len 0–15, smaller than NLMSG_HDRLEN' },
  'len-beyond-datagram': { code: AuditErrorCode.BAD_LENGTH, doc: 'nlmsg_len larger than the bytes left in the datagram' },
  'trailing-bytes': { code: AuditErrorCode.TRUNCATED, doc: '1–15 bytes after the last message, too few for another header' },
  'nonzero-padding': { code: AuditErrorCode.BAD_PADDING, doc: 'alignment padding after an unaligned message is not zero' },
  'misaligned-next': {
    code: 'byte-order' as const,
    doc: 'the next message starts right after an unaligned one instead of at NLMSG_ALIGN: its first bytes are read as padding; AUDIT_ERR_BAD_PADDING little-endian (the length\'s low byte is not zero), AUDIT_ERR_BAD_LENGTH big-endian (the shifted header\'s nlmsg_len is impossible)',
  },
  'short-struct': { code: AuditErrorCode.TRUNCATED, doc: 'a payload shorter than its C struct (audit_status < 32, audit_sig_info < 8, audit_features < 16, audit_rule_data < 1040, AUDIT_REPLACE < 4, AUDIT_MAKE_EQUIV < 8)' },
  'short-nlmsgerr': { code: AuditErrorCode.TRUNCATED, doc: 'an NLMSG_ERROR payload shorter than struct nlmsgerr (20 bytes)' },
  'ack-trailing': { code: AuditErrorCode.BAD_LENGTH, doc: 'bytes after the echoed request of an ACK without NLM_F_ACK_TLVS' },
  'field-count': { code: AuditErrorCode.BAD_COUNT, doc: 'audit_rule_data.field_count above AUDIT_MAX_FIELDS (64)' },
  'buflen-overrun': { code: AuditErrorCode.TRUNCATED, doc: 'audit_rule_data.buflen larger than the bytes after the fixed struct' },
  'rule-string-overrun': { code: AuditErrorCode.BAD_LENGTH, doc: 'a string field\'s values[i] (its length) larger than what is left of buf' },
  'make-equiv-sizes': { code: AuditErrorCode.BAD_LENGTH, doc: 'AUDIT_MAKE_EQUIV sizes adding up to more than the bytes after them' },
} as const;

export type InvalidKind = keyof typeof INVALID_KINDS;
export const INVALID_KIND_NAMES = Object.keys(INVALID_KINDS) as InvalidKind[];

/** A datagram with one defect, and the error code the strict decoder must give for it. */
export interface InvalidDatagram {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly littleEndian: boolean;
  /** Always `mainline`: the defects are in framing and core structs. */
  readonly dialect: 'mainline';
  readonly kind: InvalidKind;
  /** What `decodeDatagram` under strict validation throws (`AuditError.code`). */
  readonly code: AuditErrorCode;
  readonly direction: 'to-kernel' | 'from-kernel';
}

export interface InvalidOptions {
  readonly byteOrder?: ByteOrderChoice;
  /** Defects to make; default all. */
  readonly kinds?: readonly InvalidKind[];
}

/**
 * The code `misaligned-next` gives in a byte order; the fixed code of every other kind.
 *
 * @example expectedCode('misaligned-next', false) // 'AUDIT_ERR_BAD_LENGTH'
 */
export function expectedCode(kind: InvalidKind, littleEndian: boolean): AuditErrorCode {
  const code = INVALID_KINDS[kind].code;
  if (code === 'byte-order') return littleEndian ? AuditErrorCode.BAD_PADDING : AuditErrorCode.BAD_LENGTH;
  return code;
}

const REQ_ACK = 0x5;
const EMPTY = new Uint8Array(0);

function setU32(bytes: Uint8Array, at: number, v: number, le: boolean): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(at, v, le);
}

/** Control messages (never record types, so `auto` framing reads them as standard netlink). */
function controlFrame(le: boolean, seq: number, pick: number, status: Uint8Array): Uint8Array<ArrayBuffer> {
  if (pick === 0) return buildFrame({ type: 1000, flags: REQ_ACK, seq, pid: 0, payload: EMPTY, style: 'libaudit' }, le);
  if (pick === 1) return buildFrame({ type: 1000, flags: 0, seq, pid: 0, payload: status, style: 'kernel' }, le);
  return buildFrame({ type: 3, flags: 2, seq, pid: 0, payload: EMPTY, style: 'kernel' }, le);
}

type Make = (le: boolean) => fc.Arbitrary<{ bytes: Uint8Array<ArrayBuffer>; direction: 'to-kernel' | 'from-kernel' }>;

const statusBytes = (le: boolean) => auditStatusArbitrary({ size: 'full' }).map((s) => encodeBody(statusCodec as never, s as never, le) as Uint8Array<ArrayBuffer>);
const control = (le: boolean) => fc.tuple(seqArbitrary, fc.nat(2), statusBytes(le)).map(([seq, pick, st]) => controlFrame(le, seq, pick, st));
const from = (bytes: Uint8Array<ArrayBuffer>) => ({ bytes, direction: 'from-kernel' as const });
const to = (bytes: Uint8Array<ArrayBuffer>) => ({ bytes, direction: 'to-kernel' as const });
const dirOf = (bytes: Uint8Array<ArrayBuffer>, le: boolean) => ((new DataView(bytes.buffer).getUint16(6, le) & 1) !== 0 ? to(bytes) : from(bytes));

/** An unaligned kernel reply: AUDIT_SIGNAL_INFO with a context of 4n+1..4n+3 bytes. */
const unaligned = (le: boolean) =>
  fc.tuple(seqArbitrary, auditSigInfoArbitrary(), fc.uint8Array({ minLength: 1, maxLength: 11 }).filter((c) => c.length % 4 !== 0)).map(([seq, s, ctx]) =>
    buildFrame({ type: 1010, flags: 0, seq, pid: 0, payload: encodeBody(sigInfoCodec, { ...s, ctx }, le), style: 'kernel' }, le),
  );

const ruleRequest = (le: boolean) => fc.tuple(seqArbitrary, ruleArbitrary()).map(([seq, r]) => ({ seq, rule: r.rule, bytes: buildFrame({ type: 1011, flags: REQ_ACK, seq, pid: 0, payload: ruleToBytes(r.rule, le), style: 'libaudit' }, le) }));

const MAKERS: Readonly<Record<InvalidKind, Make>> = {
  'short-datagram': (le) => fc.tuple(control(le), fc.integer({ min: 1, max: 15 })).map(([b, n]) => ({ ...dirOf(b, le), bytes: b.slice(0, n) })),
  'len-below-header': (le) => fc.tuple(control(le), fc.integer({ min: 0, max: 15 })).map(([b, n]) => {
    const c = b.slice();
    setU32(c, 0, n, le);
    return dirOf(c, le);
  }),
  'len-beyond-datagram': (le) => fc.tuple(control(le), fc.integer({ min: 1, max: 0x10000 })).map(([b, k]) => {
    const c = b.slice();
    setU32(c, 0, c.length + k, le);
    return dirOf(c, le);
  }),
  'trailing-bytes': (le) => fc.tuple(control(le), fc.uint8Array({ minLength: 1, maxLength: 15 })).map(([b, t]) => dirOf(concatBytes([b, t]), le)),
  'nonzero-padding': (le) => fc.tuple(unaligned(le), fc.integer({ min: 1, max: 255 })).map(([b, v]) => {
    const c = b.slice();
    c[c.length - 1] = v;
    return from(c);
  }),
  'misaligned-next': (le) => fc.tuple(unaligned(le), fc.tuple(seqArbitrary, statusBytes(le)).map(([seq, st]) => controlFrame(le, seq, 1, st))).map(([a, next]) => {
    const len = new DataView(a.buffer).getUint32(0, le);
    return from(concatBytes([a.subarray(0, len), next]));
  }),
  'short-struct': (le) =>
    fc.oneof(
      // AUDIT_GET reply: any length below 32 but 16 (a 16-byte reply is an old kernel's audit_features).
      fc.integer({ min: 0, max: 31 }).filter((n) => n !== 16).map((n) => from(buildFrame({ type: 1000, flags: 0, seq: 1, pid: 0, payload: new Uint8Array(n), style: 'kernel' }, le))),
      fc.integer({ min: 0, max: 7 }).map((n) => from(buildFrame({ type: 1010, flags: 0, seq: 1, pid: 0, payload: new Uint8Array(n), style: 'kernel' }, le))),
      fc.integer({ min: 0, max: 15 }).map((n) => to(buildFrame({ type: 1018, flags: REQ_ACK, seq: 1, pid: 0, payload: new Uint8Array(n), style: 'kernel' }, le))),
      fc.integer({ min: 0, max: 1039 }).map((n) => to(buildFrame({ type: 1011, flags: REQ_ACK, seq: 1, pid: 0, payload: new Uint8Array(n), style: 'kernel' }, le))),
      fc.integer({ min: 0, max: 3 }).map((n) => from(buildFrame({ type: 1329, flags: 0, seq: 0, pid: 0, payload: new Uint8Array(n), style: 'kernel' }, le))),
      fc.integer({ min: 0, max: 7 }).map((n) => to(buildFrame({ type: 1015, flags: REQ_ACK, seq: 1, pid: 0, payload: new Uint8Array(n), style: 'kernel' }, le))),
    ),
  'short-nlmsgerr': (le) => fc.uint8Array({ maxLength: 19 }).map((p) => from(buildFrame({ type: 2, flags: 0x100, seq: 1, pid: 1, payload: p, style: 'kernel' }, le))),
  'ack-trailing': (le) => fc.tuple(control(le), fc.integer({ min: 1, max: 4 })).map(([req, words]) => {
    const ack = ackFrame(req, 0, 'capped', 4242, le);
    const payload = concatBytes([ack.subarray(16), new Uint8Array(4 * words)]);
    return from(buildFrame({ type: 2, flags: 0x100, seq: 1, pid: 4242, payload, style: 'kernel' }, le));
  }),
  'field-count': (le) => fc.tuple(ruleRequest(le), fc.integer({ min: 65, max: 0xffffffff })).map(([r, n]) => {
    const c = r.bytes.slice();
    setU32(c, 16 + 8, n, le);
    return to(c);
  }),
  'buflen-overrun': (le) => fc.tuple(ruleRequest(le), fc.integer({ min: 1, max: 0xffff })).map(([r, k]) => {
    const c = r.bytes.slice();
    setU32(c, 16 + 1036, c.length - 16 - 1040 + k, le);
    return to(c);
  }),
  'rule-string-overrun': (le) =>
    fc.tuple(ruleRequest(le).filter((r) => r.rule.fields.slice(0, r.rule.field_count).some((f) => MAINLINE_RULE_STRING_FIELDS.has(f))), fc.integer({ min: 1, max: 0xffff })).map(([r, k]) => {
      const c = r.bytes.slice();
      const i = r.rule.fields.findIndex((f, j) => j < r.rule.field_count && MAINLINE_RULE_STRING_FIELDS.has(f));
      let before = 0;
      for (let j = 0; j < i; j++) if (MAINLINE_RULE_STRING_FIELDS.has(r.rule.fields[j]!)) before += r.rule.values[j]!;
      setU32(c, 16 + 524 + 4 * i, r.rule.buflen - before + k, le);
      return to(c);
    }),
  'make-equiv-sizes': (le) => fc.tuple(fc.uint8Array({ maxLength: 12 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([paths, a, extra]) => {
    const w = new ByteWriter(le, 8 + paths.length);
    w.u32(a).u32(Math.max(0, paths.length - a) + extra).bytes(paths);
    return to(buildFrame({ type: 1015, flags: REQ_ACK, seq: 1, pid: 0, payload: w.finish(), style: 'kernel' }, le));
  }),
};

/**
 * Datagrams with one defect each, labelled with the error code the strict decoder must give.
 *
 * @example
 * fc.assert(fc.property(invalidDatagramArbitrary(), (d) => {
 *   expect(() => decodeDatagram(d.bytes, { littleEndian: d.littleEndian })).toThrow(expect.objectContaining({ code: d.code }));
 * }))
 */
export function invalidDatagramArbitrary(opts: InvalidOptions = {}): fc.Arbitrary<InvalidDatagram> {
  const kinds = opts.kinds ?? INVALID_KIND_NAMES;
  return fc.tuple(littleEndianArbitrary(opts.byteOrder ?? 'any'), fc.constantFrom(...kinds)).chain(([le, kind]) =>
    MAKERS[kind](le).map((m) => ({ bytes: m.bytes, littleEndian: le, dialect: 'mainline' as const, kind, code: expectedCode(kind, le), direction: m.direction })),
  );
}
