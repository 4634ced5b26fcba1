import { isAuditError, type AuditError } from '../../bytes/errors.js';
import { formatHeader } from '../../records/header.js';
import { parseRecordPayload } from '../../records/parse.js';
import type { AuditRecord } from '../../records/types.js';
import type { AuditMessage } from '../message.js';
import type { RecordField } from './fields.js';
import type { Dialect } from './model.js';

/** A text message read under a dialect: its record, and the typed record when the dialect has one. */
export interface DialectRecord {
  /** The type's name in this dialect (`CONTAINER_ID`, `NS_DEL_MNT`, `URINGOP`). */
  readonly name: string;
  readonly record: AuditRecord;
  /** The schema's reading (`{ kind, values, extra, fields }`), or undefined when the type has no schema. */
  readonly typed: unknown;
  /** Why the schema refused the record (a body that is not what this dialect's type prints). */
  readonly error?: AuditError;
}

/**
 * Read an `AuditRecord` through the dialect's schema for its type; undefined when the dialect
 * has none. The record's own formatting stays byte-exact; this is a view.
 *
 * @example typedRecordOf(ghak90V11, parseRecordPayload('audit(1.000:1): record=1 contid=5', 1336))
 */
export function typedRecordOf(dialect: Dialect, record: AuditRecord): unknown {
  const schema = dialect.types.get(record.type)?.record;
  if (schema === undefined) return undefined;
  const fields: RecordField[] = record.fields.map((f) => ({ name: f.name, value: f.raw }));
  // Character offset of the first field in the payload text; exact for single-space bodies.
  const base = formatHeader(record.time, record.serial, record.headerColon !== false).length + (record.fields[0]?.sep.length ?? 0);
  return schema.parse(fields, base, `record(${record.type})`);
}

/**
 * The dialect's reading of a decoded text message; undefined for binary messages. A body its
 * schema refuses comes back with `error` set instead of throwing.
 *
 * @example readDialectRecord(getDialect('ghak90-v11'), decodeDatagram(bytes, { littleEndian: true, registry: getDialect('ghak90-v11').registry }).messages[0])
 */
export function readDialectRecord(dialect: Dialect, message: AuditMessage): DialectRecord | undefined {
  if (message.kind !== 'text') return undefined;
  const type = message.header.nlmsg_type;
  const name = dialect.registry.nameOf(type);
  const parsed = parseRecordPayload(message.body.bytes, type);
  const record = { ...parsed, typeName: name };
  try {
    return { name, record, typed: typedRecordOf(dialect, record) };
  } catch (e) {
    if (!isAuditError(e)) throw e;
    return { name, record, typed: undefined, error: e };
  }
}
