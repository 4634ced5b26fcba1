import type { AuditRegistry, TypeEntry } from '../registry.js';
import type { RecordField } from './fields.js';

/**
 * What a dialect is: the kernel's numbers as one patched (or unpatched) tree assigns them.
 * Every table is data; `layerDialect` merges a spec over its base so a dialect states only what
 * its proposal changed.
 */

/**
 * A typed reading of a text record's ordered fields. `parse` must keep every field it does not
 * expect, and `fields(parse(f))` must give `f` back (that is what makes formatting identical).
 */
export interface RecordSchema<T> {
  /** Discriminant of the typed record (`namespace`, `container-op`, ...). */
  readonly kind: string;
  /** `base` is the absolute offset of the body's first character, for errors. */
  parse(fields: readonly RecordField[], base: number, path: string): T;
  fields(value: T): readonly RecordField[];
}

/** A registry entry (type, name without `AUDIT_`, class, codec) plus what the dialect knows of it. */
export interface MessageTypeDef extends TypeEntry {
  /** For text records the dialect can read as typed values. */
  readonly record?: RecordSchema<unknown>;
  /** Where the number comes from (reference § and mailing-list subject). */
  readonly source?: string;
}

/** How the value of a rule field travels in `audit_rule_data`. */
export type RuleFieldValueKind = 'u32' | 'string' | 'u64-bytes';

export interface RuleFieldDef {
  readonly id: number;
  /** The auditctl `-F` name. */
  readonly name: string;
  readonly value: RuleFieldValueKind;
  /** Operators allowed by the kernel (auditctl spelling); absent = no extra restriction known. */
  readonly operators?: readonly string[];
  /** Filter lists the field is valid on; absent = no extra restriction known. */
  readonly lists?: readonly string[];
  readonly source?: string;
}

/** One u32 of `struct audit_status`, with the `AUDIT_STATUS_*` mask bit that sets it (if any). */
export interface StatusFieldDef {
  readonly name: string;
  readonly offset: number;
  readonly maskBit?: number;
  readonly source?: string;
}

export interface FlagBitDef {
  readonly bit: number;
  readonly name: string;
  readonly source?: string;
}

export interface Dialect {
  readonly name: string;
  /** Name of the dialect this one was layered on; `null` for mainline. */
  readonly base: string | null;
  readonly description: string;
  /** The message registry for `decodeDatagram(bytes, { registry })` and `encodeDatagram`. */
  readonly registry: AuditRegistry;
  readonly types: ReadonlyMap<number, MessageTypeDef>;
  readonly typeNumbers: ReadonlyMap<string, number>;
  readonly ruleFields: ReadonlyMap<number, RuleFieldDef>;
  /** Sorted by offset. */
  readonly statusFields: readonly StatusFieldDef[];
  readonly featureBits: ReadonlyMap<number, FlagBitDef>;
  /** What this dialect changed relative to its base (numbers only), for docs and collision tests. */
  readonly changed: DialectChanges;
}

export interface DialectChanges {
  readonly types: readonly number[];
  readonly ruleFields: readonly number[];
  readonly statusOffsets: readonly number[];
  readonly featureBits: readonly number[];
}

/** What `defineDialect` takes: the differences from `base`. */
export interface DialectSpec {
  readonly name: string;
  readonly description?: string;
  readonly types?: readonly MessageTypeDef[];
  /** Type numbers the base has that this dialect does not (they decode as unknown). */
  readonly removeTypes?: readonly number[];
  readonly ruleFields?: readonly RuleFieldDef[];
  /** Replace the base's field at the same offset, or add one. */
  readonly statusFields?: readonly StatusFieldDef[];
  readonly featureBits?: readonly FlagBitDef[];
}
