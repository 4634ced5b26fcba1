import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { ByteWriter, encodeExact } from '../bytes/writer.js';
import { peekU16, peekU32 } from '../bytes/reader.js';
import { decodeRuleData, encodeRuleData, sizeRuleData, AUDIT_RULE_DATA_SIZE, type AuditRuleData } from '../audit/messages/rule-data.js';
import { encodeStatus, type AuditStatus } from '../audit/messages/status.js';
import { NLMSG_HDRLEN, nlmsgAlign, writeHeader } from '../netlink/header.js';
import type { CompiledRule } from './compile.js';
import { SYSCALL_CLASS_BITS } from './tables.js';

/** AUDIT_SET, AUDIT_ADD_RULE, AUDIT_DEL_RULE, AUDIT_LIST_RULES (reference §2.2). */
export const AUDIT_SET = 1001;
export const AUDIT_ADD_RULE = 1011;
export const AUDIT_DEL_RULE = 1012;
export const AUDIT_LIST_RULES = 1013;
const NLM_F_REQUEST_ACK = 0x5;

/** Options for the netlink message auditctl writes. */
export interface RequestOptions {
  /** nlmsg_seq; auditctl numbers its requests from 1. Default 1. */
  readonly seq?: number;
  /** Byte order of the host the message is for. Default little-endian. */
  readonly littleEndian?: boolean;
}

/**
 * The `audit_rule_data` bytes of a rule (1040 + buflen, plus whatever `bufRest`/`trailing` hold).
 *
 * @example
 * ruleToBytes(compileRule('-a always,exit -S all').rule).length // 1040
 */
export function ruleToBytes(rule: AuditRuleData, littleEndian = true): Uint8Array<ArrayBuffer> {
  return encodeExact(sizeRuleData(rule), littleEndian, (w) => encodeRuleData(w, rule), 'audit_rule_data');
}

/**
 * The whole AUDIT_ADD_RULE / AUDIT_DEL_RULE message auditctl sends: `nlmsg_len` is
 * NLMSG_SPACE(payload), counting the zero padding; flags NLM_F_REQUEST|NLM_F_ACK; pid 0.
 *
 * @example
 * ruleMessage(compileRule('-w /etc/passwd -p wa -k passwd'), { seq: 2 }).length // 1076
 */
export function ruleMessage(compiled: CompiledRule, options: RequestOptions = {}): Uint8Array<ArrayBuffer> {
  const type = compiled.op === 'add' ? AUDIT_ADD_RULE : AUDIT_DEL_RULE;
  const le = options.littleEndian ?? true;
  return request(type, ruleToBytes(compiled.rule, le), options);
}

/**
 * An AUDIT_SET message as auditctl sends it for `-e`, `-f`, `-b`, `-r`, `--backlog_wait_time`,
 * `--reset-lost`: a zeroed 44-byte `audit_status` with one mask bit and its field.
 *
 * @example
 * statusSetMessage({ mask: 0x10, backlog_limit: 64 }) // auditctl -b 64: 60 bytes, type 1001
 */
export function statusSetMessage(status: Partial<Omit<AuditStatus, 'trailing'>> & { readonly mask: number }, options: RequestOptions = {}): Uint8Array<ArrayBuffer> {
  const full: AuditStatus = {
    enabled: 0, failure: 0, pid: 0, rate_limit: 0, backlog_limit: 0, lost: 0, backlog: 0,
    feature_bitmap: 0, backlog_wait_time: 0, backlog_wait_time_actual: 0,
    ...status,
    trailing: new Uint8Array(0),
  };
  const w = new ByteWriter(options.littleEndian ?? true, 44);
  encodeStatus(w, full);
  return request(AUDIT_SET, w.finish(), options);
}

function request(type: number, payload: Uint8Array, options: RequestOptions): Uint8Array<ArrayBuffer> {
  const len = NLMSG_HDRLEN + nlmsgAlign(payload.length);
  const w = new ByteWriter(options.littleEndian ?? true, len);
  writeHeader(w, { nlmsg_len: len, nlmsg_type: type, nlmsg_flags: NLM_F_REQUEST_ACK, nlmsg_seq: options.seq ?? 1, nlmsg_pid: 0 });
  w.bytes(payload).align(4);
  return w.finish();
}

/** Where the rule came from when `parseRuleBytes` was given a whole netlink message. */
export interface ParsedRuleBytes {
  readonly rule: AuditRuleData;
  /** nlmsg_type when the input was a netlink message carrying the rule, else undefined. */
  readonly nlmsgType?: number;
}

const RULE_TYPES: ReadonlySet<number> = new Set([AUDIT_ADD_RULE, AUDIT_DEL_RULE, AUDIT_LIST_RULES]);

/**
 * Decode an `audit_rule_data` given either bare or inside one netlink message (AUDIT_ADD_RULE,
 * AUDIT_DEL_RULE or an AUDIT_LIST_RULES reply), with or without alignment padding. The two are
 * told apart by the header: a message starts with an `nlmsg_len` that fits the input and a rule
 * type; a bare rule starts with a filter list number (< 0x100).
 *
 * @example
 * parseRuleBytes(ruleMessage(compiled)).nlmsgType // 1011
 */
export function parseRuleBytes(bytes: Uint8Array, littleEndian = true): ParsedRuleBytes {
  if (bytes.length >= NLMSG_HDRLEN + AUDIT_RULE_DATA_SIZE) {
    const len = peekU32(bytes, 0, littleEndian);
    const type = peekU16(bytes, 4, littleEndian);
    if (RULE_TYPES.has(type) && len >= NLMSG_HDRLEN + AUDIT_RULE_DATA_SIZE && len <= bytes.length && bytes.length - len < 4) {
      const payload = bytes.subarray(NLMSG_HDRLEN, len);
      const rule = decodeRuleData(payload, ctx(littleEndian, NLMSG_HDRLEN, type, len));
      return { rule: dropPadding(rule), nlmsgType: type };
    }
  }
  if (bytes.length < AUDIT_RULE_DATA_SIZE) {
    throw new AuditError(AuditErrorCode.TRUNCATED, `an audit_rule_data needs ${AUDIT_RULE_DATA_SIZE} bytes, got ${bytes.length}`, {
      offset: 0, expected: AUDIT_RULE_DATA_SIZE, actual: bytes.length,
    });
  }
  return { rule: dropPadding(decodeRuleData(bytes, ctx(littleEndian, 0, 0, bytes.length))) };
}

/**
 * Every rule in a datagram of several netlink messages (an ACK, LIST_RULES replies, NLMSG_DONE,
 * each at NLMSG_ALIGN of the one before), in order; other messages are passed over. A datagram
 * that is not a chain of messages, or holds no rule, is read by `parseRuleBytes`.
 *
 * @example
 * rulesInDatagram(listRulesReplyDatagram).length // 3
 */
export function rulesInDatagram(bytes: Uint8Array, littleEndian = true): AuditRuleData[] {
  const rules: AuditRuleData[] = [];
  let at = 0;
  while (at + NLMSG_HDRLEN <= bytes.length) {
    const len = peekU32(bytes, at, littleEndian);
    const type = peekU16(bytes, at + 4, littleEndian);
    if (len < NLMSG_HDRLEN || at + len > bytes.length) break;
    if (RULE_TYPES.has(type) && len >= NLMSG_HDRLEN + AUDIT_RULE_DATA_SIZE) {
      rules.push(dropPadding(decodeRuleData(bytes.subarray(at + NLMSG_HDRLEN, at + len), ctx(littleEndian, at + NLMSG_HDRLEN, type, len))));
    }
    at += nlmsgAlign(len);
  }
  return at >= bytes.length - 3 && rules.length > 0 ? rules : [parseRuleBytes(bytes, littleEndian).rule];
}

function ctx(littleEndian: boolean, base: number, type: number, len: number) {
  return {
    littleEndian, base, path: '', validation: 'lenient' as const,
    header: { nlmsg_len: len, nlmsg_type: type, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 },
  };
}

/** Trailing bytes after `buf` shorter than an alignment unit and all zero are padding, not rule. */
function dropPadding(rule: AuditRuleData): AuditRuleData {
  const t = rule.trailing;
  return t.length < 4 && t.every((b) => b === 0) ? { ...rule, trailing: new Uint8Array(0) } : rule;
}

/**
 * A rule as the kernel stores and lists it: the syscall-class bits of `mask[63]` cleared
 * (kernel/auditfilter.c audit_to_entry_common) and nothing after `buf`. Compiled rules compare
 * equal to LIST_RULES replies after this.
 *
 * @example
 * normalizeAsKernel(compileRule('-w /etc/passwd').rule).mask[63] // 0x0000ffff
 */
export function normalizeAsKernel(rule: AuditRuleData): AuditRuleData {
  const mask = rule.mask.slice();
  mask[63] = ((mask[63] ?? 0) & ~SYSCALL_CLASS_BITS) >>> 0;
  return { ...rule, mask, bufRest: new Uint8Array(0), trailing: new Uint8Array(0) };
}
