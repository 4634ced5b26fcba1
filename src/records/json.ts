import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { buildRecord } from './build.js';
import type { FieldInput } from './build.js';
import { formatHeader } from './header.js';
import { formatFields } from './format.js';
import { parseLogLine } from './parse.js';
import type { ParseOptions } from './scan.js';
import type { AuditField, AuditRecord } from './types.js';

/** One field in the JSON Lines schema (docs/records.md). */
export interface FieldJson {
  readonly name: string;
  readonly raw: string;
  readonly value: string | null;
  readonly form: AuditField['form'];
  /** Present (and true) for fields inside `msg='...'`. */
  readonly in_msg?: true;
  /** Present when the separator before the name is not a single space. */
  readonly sep?: string;
  /** The interpreted value, when an interpreter was supplied. */
  readonly interp?: string;
}

/** A record in the JSON Lines schema (docs/records.md). */
export interface RecordJson {
  readonly type: number;
  readonly type_name: string;
  readonly node?: string;
  readonly time: { readonly sec: number; readonly msec: number };
  readonly serial: number;
  readonly fields: readonly FieldJson[];
  readonly tail?: string;
  /** Present (false) for old daemon records written without the colon after `audit(...)`. */
  readonly header_colon?: false;
  readonly enriched?: readonly FieldJson[];
  readonly enriched_tail?: string;
}

/** Options for `recordToJson`. */
export interface ToJsonOptions {
  /** Adds `interp` to each field, e.g. `(r, f) => interpretField(r, f)` from src/interpret. */
  readonly interpret?: (record: AuditRecord, field: AuditField) => string;
}

/**
 * The JSON Lines part for a record: time, serial and the ordered fields with raw, decoded and
 * (optionally) interpreted values, plus what is needed to write the text back byte for byte.
 *
 * @example recordToJson(parseLogLine('type=CWD msg=audit(1.000:2): cwd="/"')).fields[0] // → { name: 'cwd', raw: '"/"', value: '/', form: 'quoted' }
 */
export function recordToJson(r: AuditRecord, opts: ToJsonOptions = {}): RecordJson {
  const fields = r.fields.map((f) => fieldToJson(f, f.sep === ' ' ? undefined : f.sep, opts.interpret === undefined ? undefined : opts.interpret(r, f)));
  const out: { -readonly [K in keyof RecordJson]: RecordJson[K] } = {
    type: r.type,
    type_name: r.typeName,
    time: { sec: r.time.sec, msec: r.time.msec },
    serial: r.serial,
    fields,
  };
  if (r.node !== undefined) out.node = r.node;
  if (r.tail !== '') out.tail = r.tail;
  if (r.headerColon === false) out.header_colon = false;
  if (r.enriched !== undefined) {
    out.enriched = r.enriched.map((f, i) => fieldToJson(f, f.sep === (i === 0 ? '' : ' ') ? undefined : f.sep, undefined));
    if (r.enrichedTail !== undefined && r.enrichedTail !== '') out.enriched_tail = r.enrichedTail;
  }
  return out;
}

function fieldToJson(f: AuditField, sep: string | undefined, interp: string | undefined): FieldJson {
  const j: { -readonly [K in keyof FieldJson]: FieldJson[K] } = { name: f.name, raw: f.raw, value: f.value, form: f.form };
  if (f.inMsg) j.in_msg = true;
  if (sep !== undefined) j.sep = sep;
  if (interp !== undefined) j.interp = interp;
  return j;
}

/**
 * A record from its JSON form. With `raw` on every field the text is rebuilt exactly (and
 * re-parsed, so `value`/`form` are recomputed); fields given only a `value` are encoded the way
 * the kernel would (`buildRecord`). Anything else is `AUDIT_ERR_BAD_JSON` with the field path.
 *
 * @example recordFromJson({ type: 1307, type_name: 'CWD', time: { sec: 1, msec: 0 }, serial: 2, fields: [{ name: 'cwd', value: '/' }] })
 */
export function recordFromJson(j: unknown, opts: ParseOptions = {}): AuditRecord {
  const o = obj(j, '');
  const type = int(o['type'], 'type');
  const time = obj(o['time'], 'time');
  const sec = int(time['sec'], 'time.sec');
  const msec = int(time['msec'], 'time.msec');
  if (msec > 999) throw bad('time.msec must be 0..999', 'time.msec');
  const serial = int(o['serial'], 'serial');
  const typeName = optString(o['type_name'], 'type_name');
  const node = optString(o['node'], 'node');
  const fieldsIn = arr(o['fields'], 'fields');
  const allRaw = fieldsIn.every((f) => typeof (f as Record<string, unknown> | null)?.['raw'] === 'string');
  if (!allRaw) {
    const fields: FieldInput[] = fieldsIn.map((f, i) => {
      const fo = obj(f, `fields[${i}]`);
      const v = fo['value'];
      if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw bad('value must be a string, number or null', `fields[${i}].value`);
      return { name: str(fo['name'], `fields[${i}].name`), value: v, inMsg: fo['in_msg'] === true };
    });
    return buildRecord({ type, time: { sec, msec }, serial, fields, ...(node === undefined ? {} : { node }), ...(typeName === undefined ? {} : { typeName }), ...opts });
  }
  const fields = fieldsIn.map((f, i) => jsonField(f, `fields[${i}]`, ' '));
  let line = `${node === undefined ? '' : `node=${node} `}type=${typeName ?? `UNKNOWN[${type}]`} msg=${formatHeader({ sec, msec }, serial, o['header_colon'] !== false)}`;
  line += formatFields(fields, optString(o['tail'], 'tail') ?? '');
  if (o['enriched'] !== undefined) {
    const enriched = arr(o['enriched'], 'enriched').map((f, i) => jsonField(f, `enriched[${i}]`, i === 0 ? '' : ' '));
    line += `\x1d${formatFields(enriched, optString(o['enriched_tail'], 'enriched_tail') ?? '')}`;
  }
  try {
    const r = parseLogLine(line, opts);
    if (r.type !== type) throw bad(`type_name ${r.typeName} is type ${r.type}, not ${type}`, 'type_name');
    return r;
  } catch (e) {
    if (e instanceof AuditError && e.code === AuditErrorCode.BAD_RECORD) throw bad(`fields do not form a record: ${e.message}`, e.path);
    throw e;
  }
}

function jsonField(f: unknown, path: string, defaultSep: string): AuditField {
  const o = obj(f, path);
  const name = str(o['name'], `${path}.name`);
  const raw = str(o['raw'], `${path}.raw`);
  const sep = optString(o['sep'], `${path}.sep`) ?? defaultSep;
  return { name, raw, value: raw, form: 'bare', inMsg: o['in_msg'] === true, sep };
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('expected an object', path);
  return v as Record<string, unknown>;
}
function arr(v: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(v)) throw bad('expected an array', path);
  return v;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw bad('expected a string', path);
  return v;
}
function optString(v: unknown, path: string): string | undefined {
  return v === undefined ? undefined : str(v, path);
}
function int(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw bad('expected a non-negative integer', path);
  return v;
}
function bad(message: string, path: string): AuditError {
  return new AuditError(AuditErrorCode.BAD_JSON, message, { path });
}
