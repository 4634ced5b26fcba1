import type { NlMsgHeader } from '../netlink/header.js';
import { MAINLINE_MSG_TYPE_NAMES, unknownTypeName } from '../tables/msg-types.js';
import type { MessageDirection, PayloadCodec } from './codec.js';
import { doneCodec } from './messages/done.js';
import { emptyCodec } from './messages/empty.js';
import { featuresCodec } from './messages/features.js';
import { makeEquivCodec } from './messages/make-equiv.js';
import { rawCodec } from './messages/raw.js';
import { replaceCodec } from './messages/replace.js';
import { makeRuleDataCodec, MAINLINE_RULE_STRING_FIELDS, type RuleDataCodec } from './messages/rule-data.js';
import { sigInfoCodec } from './messages/sig-info.js';
import { statusCodec } from './messages/status.js';
import { textCodec } from './messages/text.js';
import { ttyStatusCodec } from './messages/tty-status.js';

/**
 * What a message type is for (reference §2.1): netlink's own types 1–4, audit control 1000–1099,
 * user-space messages (1005, 1100–1199, 2100–2999), daemon records 1200–1299 (never on the
 * socket), and kernel records (everything else the kernel logs).
 */
export type MessageClass = 'netlink' | 'control' | 'user' | 'daemon' | 'kernel-record' | 'unknown';

/** What a codec selector may look at, besides the type. */
export interface CodecChoice {
  readonly direction: MessageDirection;
  readonly payloadLength: number;
  readonly header: NlMsgHeader;
  readonly registry: AuditRegistry;
}

/** Picks the codec where the type alone does not (AUDIT_GET request vs reply, ...). */
export type CodecSelector = (choice: CodecChoice) => PayloadCodec<unknown>;

/** One message type: its name (as audit.log prints it), class and codec. */
export interface TypeEntry {
  readonly type: number;
  readonly name: string;
  readonly class: MessageClass;
  readonly codec: PayloadCodec<unknown> | CodecSelector;
}

/** What `extend` changes: entries added or replaced by type, types removed, rule string fields. */
export interface RegistryOverrides {
  readonly name?: string;
  readonly types?: readonly TypeEntry[];
  readonly remove?: readonly number[];
  /** Replaces the set of rule field ids whose value is a string in `buf`. */
  readonly ruleStringFields?: ReadonlySet<number>;
  /** Codecs of new kinds, so that `encode` finds them by `kind`. */
  readonly codecs?: readonly PayloadCodec<unknown>[];
}

const BUILTIN_CODECS: readonly PayloadCodec<unknown>[] = [
  statusCodec, featuresCodec, sigInfoCodec, ttyStatusCodec, makeEquivCodec, replaceCodec,
  emptyCodec, textCodec, rawCodec, doneCodec,
] as readonly PayloadCodec<unknown>[];

/**
 * Message type → name, class and codec. A value: derive a dialect with `extend`, which returns a
 * new registry and leaves this one as it was.
 *
 * @example
 * const mine = MAINLINE_REGISTRY.extend({ name: 'mine', types: [{ type: 1340, name: 'MY_RECORD', class: 'kernel-record', codec: textCodec }] });
 * mine.nameOf(1340) // 'MY_RECORD'
 */
export class AuditRegistry {
  readonly name: string;
  readonly ruleStringFields: ReadonlySet<number>;
  /** The `audit_rule_data` codec for this registry's string fields. */
  readonly ruleCodec: RuleDataCodec;
  private readonly byType: ReadonlyMap<number, TypeEntry>;
  private readonly byKind: ReadonlyMap<string, PayloadCodec<unknown>>;

  constructor(name: string, entries: Iterable<TypeEntry>, ruleStringFields: ReadonlySet<number>, codecs: readonly PayloadCodec<unknown>[] = []) {
    this.name = name;
    this.ruleStringFields = ruleStringFields;
    this.ruleCodec = makeRuleDataCodec(ruleStringFields);
    const byType = new Map<number, TypeEntry>();
    for (const e of entries) byType.set(e.type, e);
    this.byType = byType;
    const byKind = new Map<string, PayloadCodec<unknown>>();
    for (const c of [...BUILTIN_CODECS, this.ruleCodec as PayloadCodec<unknown>, ...codecs]) byKind.set(c.kind, c);
    for (const e of byType.values()) if (typeof e.codec !== 'function') byKind.set(e.codec.kind, e.codec);
    this.byKind = byKind;
  }

  /** The entry for `type`, if registered. */
  entry(type: number): TypeEntry | undefined {
    return this.byType.get(type);
  }

  /** Every entry, by ascending type. */
  entries(): TypeEntry[] {
    return [...this.byType.values()].sort((a, b) => a.type - b.type);
  }

  /** The name audit.log would print: the registered name, else `UNKNOWN[n]`. */
  nameOf(type: number): string {
    return this.byType.get(type)?.name ?? unknownTypeName(type);
  }

  classOf(type: number): MessageClass {
    return this.byType.get(type)?.class ?? 'unknown';
  }

  /** The codec for one message; unknown types get the raw codec. */
  codecFor(type: number, choice: Omit<CodecChoice, 'registry'>): PayloadCodec<unknown> {
    const codec = this.byType.get(type)?.codec;
    if (codec === undefined) return rawCodec as PayloadCodec<unknown>;
    return typeof codec === 'function' ? codec({ ...choice, registry: this }) : codec;
  }

  /** The codec that encodes bodies of `kind`. */
  codecForKind(kind: string): PayloadCodec<unknown> | undefined {
    return this.byKind.get(kind);
  }

  /**
   * True for types the kernel sends as records, the only ones that can carry the unicast length
   * quirk; unregistered types from 1100 up count too, since dialects add records there.
   */
  isRecordType(type: number): boolean {
    const cls = this.classOf(type);
    return cls === 'kernel-record' || cls === 'user' || cls === 'daemon' || (cls === 'unknown' && type >= 1100);
  }

  /**
   * A new registry: this one's entries with `overrides` applied (later wins).
   *
   * @example
   * const ns = MAINLINE_REGISTRY.extend({ name: 'ns-2015', types: [{ type: 1330, name: 'NS_INIT_MNT', class: 'kernel-record', codec: textCodec }] });
   */
  extend(overrides: RegistryOverrides): AuditRegistry {
    const map = new Map(this.byType);
    for (const t of overrides.remove ?? []) map.delete(t);
    for (const e of overrides.types ?? []) map.set(e.type, e);
    const inherited = [...this.byKind.values()];
    return new AuditRegistry(overrides.name ?? `${this.name}+`, map.values(), overrides.ruleStringFields ?? this.ruleStringFields, [
      ...inherited.filter((c) => c.kind !== 'rule'),
      ...(overrides.codecs ?? []),
    ]);
  }
}

const codec = <T>(c: PayloadCodec<T>): PayloadCodec<unknown> => c as PayloadCodec<unknown>;
const toKernel = (c: CodecChoice): boolean => c.direction === 'to-kernel';

/** Codec choices where the type alone does not decide (reference §2.2, §8 trap 12). */
const CONTROL_CODECS: ReadonlyMap<number, PayloadCodec<unknown> | CodecSelector> = new Map<number, PayloadCodec<unknown> | CodecSelector>([
  // GET: an empty request; the reply is audit_status, except that old kernels answered
  // GET_FEATURE with type 1000 and a 16-byte audit_features.
  [1000, (c) => (toKernel(c) ? codec(emptyCodec) : c.payloadLength === 16 ? codec(featuresCodec) : codec(statusCodec))],
  [1001, codec(statusCodec)],
  [1002, codec(rawCodec)], [1003, codec(rawCodec)], [1004, codec(rawCodec)],
  [1007, codec(rawCodec)], [1008, codec(rawCodec)], [1009, codec(rawCodec)],
  [1010, (c) => (toKernel(c) ? codec(emptyCodec) : codec(sigInfoCodec))],
  [1011, (c) => codec(c.registry.ruleCodec)],
  [1012, (c) => codec(c.registry.ruleCodec)],
  [1013, (c) => (toKernel(c) ? codec(emptyCodec) : codec(c.registry.ruleCodec))],
  [1014, codec(emptyCodec)],
  [1015, codec(makeEquivCodec)],
  [1016, (c) => (toKernel(c) ? codec(emptyCodec) : codec(ttyStatusCodec))],
  [1017, codec(ttyStatusCodec)],
  [1018, codec(featuresCodec)],
  // libaudit sends a zeroed audit_features with GET_FEATURE; the kernel ignores it.
  [1019, (c) => (toKernel(c) && c.payloadLength < 16 ? codec(emptyCodec) : codec(featuresCodec))],
  [1329, codec(replaceCodec)],
]);

function classOfMainline(type: number): MessageClass {
  if (type < 16) return 'netlink';
  if (type === 1005 || (type >= 1100 && type <= 1199) || (type >= 2100 && type <= 2999)) return 'user';
  if (type === 1329) return 'control';
  if (type >= 1000 && type <= 1099 && type !== 1006) return 'control';
  if (type >= 1200 && type <= 1299) return 'daemon';
  return 'kernel-record';
}

function mainlineEntries(): TypeEntry[] {
  const out: TypeEntry[] = [
    { type: 1, name: 'NLMSG_NOOP', class: 'netlink', codec: codec(rawCodec) },
    // NLMSG_ERROR is decoded by the message layer itself: its payload echoes a whole message.
    { type: 2, name: 'NLMSG_ERROR', class: 'netlink', codec: codec(rawCodec) },
    { type: 3, name: 'NLMSG_DONE', class: 'netlink', codec: codec(doneCodec) },
    { type: 4, name: 'NLMSG_OVERRUN', class: 'netlink', codec: codec(rawCodec) },
  ];
  for (const [type, name] of MAINLINE_MSG_TYPE_NAMES) {
    out.push({ type, name, class: classOfMainline(type), codec: CONTROL_CODECS.get(type) ?? codec(textCodec) });
  }
  return out;
}

/** Every type of mainline `include/uapi/linux/audit.h` (Linux 6.18) with libaudit's names. */
export const MAINLINE_REGISTRY: AuditRegistry = new AuditRegistry('mainline', mainlineEntries(), MAINLINE_RULE_STRING_FIELDS);
