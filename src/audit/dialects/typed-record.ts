import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { joinFields, splitFields, valueOffset, type RecordField } from './fields.js';
import type { RecordSchema } from './model.js';

/** How one field's text maps to a typed value and back. */
export interface ValueCodec<V> {
  readonly parse: (text: string, base: number, path: string) => V;
  readonly format: (value: V) => string;
}

export interface FieldRule<V> {
  /** The field name in the record text (`old-contid`). */
  readonly name: string;
  readonly codec: ValueCodec<V>;
  /** Optional fields may be absent; the typed value then has no such key. */
  readonly optional?: boolean;
}

export type FieldRules<V> = { readonly [K in keyof V]-?: FieldRule<Exclude<V[K], undefined>> };

/**
 * A text record read through a schema: the typed `values`, the fields the schema does not know
 * (`extra`, in order) and every field as read (`fields`), which is what formatting writes, so a
 * parsed record formats back to the same text.
 */
export interface TypedRecord<V> {
  readonly kind: string;
  readonly values: V;
  readonly extra: readonly RecordField[];
  readonly fields: readonly RecordField[];
}

export interface TypedRecordSchema<V> extends RecordSchema<TypedRecord<V>> {
  readonly rules: FieldRules<V>;
  /** A record from typed values: known fields in schema order, then `extra`. */
  build(values: V, extra?: readonly RecordField[]): TypedRecord<V>;
  /** Parse a whole body (the text after `audit(...): `). */
  parseBody(body: string, base?: number, path?: string): TypedRecord<V>;
  /** The body text of a record. */
  format(record: TypedRecord<V>): string;
}

/**
 * Define a typed record from an ordered table of its fields. The table order is the order the
 * record prints them in.
 *
 * @example
 * const s = defineRecordSchema<{ opid: number }>('x', { opid: { name: 'opid', codec: i32Value } });
 * s.parseBody('opid=5').values.opid // 5
 */
export function defineRecordSchema<V extends object>(kind: string, rules: FieldRules<V>): TypedRecordSchema<V> {
  const entries = Object.entries(rules) as [string, FieldRule<unknown>][];
  const parse = (fields: readonly RecordField[], base: number, path: string): TypedRecord<V> => {
    const values: Record<string, unknown> = {};
    const extra: RecordField[] = [];
    fields.forEach((f, i) => {
      const hit = entries.find(([key, rule]) => rule.name === f.name && !Object.hasOwn(values, key));
      if (hit === undefined) {
        extra.push(f);
        return;
      }
      values[hit[0]] = hit[1].codec.parse(f.value, base + valueOffset(fields, i), `${path}.${f.name}`);
    });
    for (const [key, rule] of entries) {
      if (!Object.hasOwn(values, key) && rule.optional !== true) {
        throw new AuditError(AuditErrorCode.BAD_RECORD, `${kind} record has no ${rule.name}= field`, { offset: base, path: `${path}.${rule.name}` });
      }
    }
    return { kind, values: values as V, extra, fields: [...fields] };
  };
  return {
    kind,
    rules,
    parse,
    fields: (record) => record.fields,
    build(values, extra = []) {
      const fields: RecordField[] = [];
      const rec = values as Record<string, unknown>;
      for (const [key, rule] of entries) {
        const v = rec[key];
        if (v === undefined) {
          if (rule.optional === true) continue;
          throw new AuditError(AuditErrorCode.ENCODE, `${kind} record needs ${key}`, { path: `${kind}.${key}` });
        }
        fields.push({ name: rule.name, value: rule.codec.format(v) });
      }
      return { kind, values, extra: [...extra], fields: [...fields, ...extra] };
    },
    parseBody: (body, base = 0, path = kind) => parse(splitFields(body, base, path), base, path),
    format: (record) => joinFields(record.fields),
  };
}
