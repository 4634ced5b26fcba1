import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { ByteReader } from '../../bytes/reader.js';
import { ByteWriter } from '../../bytes/writer.js';
import { encodeMessage } from '../datagram.js';
import { AUDIT_BITMASK_SIZE, AUDIT_MAX_FIELDS, type AuditRuleData } from '../messages/rule-data.js';
import type { Dialect } from './model.js';

/** Filter lists and operators by auditctl name (include/uapi/linux/audit.h, reference §3.5, §3.7). */
const LISTS: Readonly<Record<string, number>> = { user: 0, task: 1, exit: 4, exclude: 5, filesystem: 6 };
const OPERATORS: Readonly<Record<string, number>> = { '=': 0x40000000, '!=': 0x30000000 };
const ACTIONS: Readonly<Record<string, number>> = { never: 0, possible: 1, always: 2 };
const AUDIT_ARCH_FIELD = 11;
const AUDIT_FILTERKEY_FIELD = 210;

export interface ContidRuleInput {
  readonly dialect: Dialect;
  /** Default `exit`; the kernel accepts `exit`, `exclude` and `user` for AUDIT_CONTID. */
  readonly list?: 'exit' | 'exclude' | 'user';
  readonly action?: 'never' | 'always';
  /** `=` or `!=`, the only operators the kernel accepts for AUDIT_CONTID. */
  readonly op?: '=' | '!=';
  readonly contid: bigint;
  /** AUDIT_ARCH_* to add as `-F arch=` first (exit list), as auditctl does for `-S`. */
  readonly arch?: number;
  readonly key?: string;
  /** Byte order of the 8 raw contid bytes (host order) and of the struct. */
  readonly littleEndian: boolean;
}

function bad(message: string, path: string): AuditError {
  return new AuditError(AuditErrorCode.BAD_RULE, message, { path });
}

/**
 * `audit_rule_data` for a rule on AUDIT_CONTID (field 27): the u64 as 8 raw host-order bytes in
 * `buf`, `values[i] = 8` (reference §6.2, [LA] ghak90 v11 07/11). Exit rules get every syscall
 * bit, as auditctl sets them when no `-S` is given.
 *
 * @example buildContidRule({ dialect: ghak90V11, contid: 5n, littleEndian: true }).values[0] // 8
 */
export function buildContidRule(input: ContidRuleInput): AuditRuleData {
  const def = input.dialect.ruleFields.get(27);
  if (def === undefined || def.value !== 'u64-bytes') throw bad(`dialect ${input.dialect.name} has no AUDIT_CONTID rule field`, 'fields');
  const list = input.list ?? 'exit';
  const op = input.op ?? '=';
  if (def.lists !== undefined && !def.lists.includes(list)) throw bad(`contid is not valid on the ${list} list`, 'flags');
  if (def.operators !== undefined && !def.operators.includes(op)) throw bad(`contid takes only ${def.operators.join(' and ')}`, 'fieldflags');
  if (input.contid < 0n || input.contid > 0xffff_ffff_ffff_ffffn) throw bad(`contid ${input.contid} is not a u64`, 'values');
  const fields: number[] = [];
  const values: number[] = [];
  const flags: number[] = [];
  const strings: (Uint8Array | null)[] = [];
  if (input.arch !== undefined) {
    fields.push(AUDIT_ARCH_FIELD);
    values.push(input.arch);
    flags.push(OPERATORS['=']!);
    strings.push(null);
  }
  fields.push(27);
  values.push(8);
  flags.push(OPERATORS[op]!);
  strings.push(new ByteWriter(input.littleEndian, 8).u64(input.contid).finish());
  if (input.key !== undefined) {
    const key = new TextEncoder().encode(input.key);
    fields.push(AUDIT_FILTERKEY_FIELD);
    values.push(key.length);
    flags.push(OPERATORS['=']!);
    strings.push(key);
  }
  const pad = (a: number[]): number[] => [...a, ...new Array<number>(AUDIT_MAX_FIELDS - a.length).fill(0)];
  let buflen = 0;
  for (const s of strings) if (s !== null) buflen += s.length;
  return {
    flags: LISTS[list]!,
    action: ACTIONS[input.action ?? 'always']!,
    field_count: fields.length,
    mask: new Array<number>(AUDIT_BITMASK_SIZE).fill(list === 'exit' ? 0xffffffff : 0),
    fields: pad(fields),
    values: pad(values),
    fieldflags: pad(flags),
    buflen,
    strings,
    bufRest: new Uint8Array(0),
    trailing: new Uint8Array(0),
  };
}

/**
 * The contid of field `index` of a decoded rule: its 8 raw bytes read in host order. A length
 * other than 8 is `AUDIT_ERR_BAD_LENGTH` (the kernel refuses it).
 *
 * @example contidOfRule(rule, 0, true) // 5n
 */
export function contidOfRule(rule: AuditRuleData, index: number, littleEndian: boolean): bigint {
  const path = `audit_rule_data.values[${index}]`;
  if (rule.fields[index] !== 27) throw new AuditError(AuditErrorCode.BAD_VALUE, `field ${index} is not AUDIT_CONTID`, { path: `audit_rule_data.fields[${index}]` });
  const bytes = rule.strings[index];
  if (bytes === null || bytes === undefined || bytes.length !== 8) {
    throw new AuditError(AuditErrorCode.BAD_LENGTH, `AUDIT_CONTID carries ${bytes?.length ?? 0} bytes, not 8`, { path, expected: 8, actual: bytes?.length ?? 0 });
  }
  return new ByteReader(bytes, littleEndian, 0, path).u64();
}

/**
 * The AUDIT_ADD_RULE datagram auditctl would send for `rule` (flags REQUEST|ACK, length
 * NLMSG_SPACE-padded as libaudit's `__audit_send` does).
 *
 * @example buildAddRuleRequest(ghak90V11, buildContidRule({ ... }), { littleEndian: true, seq: 2 })
 */
export function buildAddRuleRequest(dialect: Dialect, rule: AuditRuleData, opts: { readonly littleEndian: boolean; readonly seq: number }): Uint8Array<ArrayBuffer> {
  const size = dialect.registry.ruleCodec.size(rule);
  const padded = { ...rule, trailing: new Uint8Array(rule.trailing.length + ((4 - ((size % 4) as number)) % 4)) };
  return encodeMessage(
    { kind: 'rule', header: { nlmsg_type: 1011, nlmsg_flags: 0x5, nlmsg_seq: opts.seq, nlmsg_pid: 0 }, body: padded },
    { littleEndian: opts.littleEndian, registry: dialect.registry },
  );
}
