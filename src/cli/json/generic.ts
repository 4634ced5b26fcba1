import { AuditError, AuditErrorCode, isAuditError } from '../../bytes/errors.js';
import { fromHex, toHex } from '../../bytes/hex.js';

/**
 * JSON for bodies of kinds this module has no schema for (a dialect's `sig-info2`,
 * `contid-status`, ...): each field converted by its JS type, with the type written next to it
 * (`body_types`) so that `encode` can convert it back.
 */
export type FieldType = 'number' | 'u64' | 'bytes' | 'string' | 'boolean' | 'null' | 'json';

function typeOf(v: unknown): FieldType {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'bigint') return 'u64';
  if (v instanceof Uint8Array) return 'bytes';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v === null) return 'null';
  return 'json';
}

function toJsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return toHex(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  return v;
}

/**
 * A body of any shape as JSON plus the type of each field.
 *
 * @example
 * genericBodyToJson({ pid: 1, cid: 7n, ctx: new Uint8Array(0) }) // { body: { pid: 1, cid: '7', ctx: '' }, types: { pid: 'number', cid: 'u64', ctx: 'bytes' } }
 */
export function genericBodyToJson(body: object): { body: Record<string, unknown>; types: Record<string, FieldType> } {
  const out: Record<string, unknown> = {};
  const types: Record<string, FieldType> = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    out[k] = toJsonValue(v);
    types[k] = typeOf(v);
  }
  return { body: out, types };
}

/**
 * The body back from `genericBodyToJson`'s output.
 *
 * @example
 * genericBodyFromJson({ cid: '7' }, { cid: 'u64' }, 'line[1].body') // { cid: 7n }
 */
export function genericBodyFromJson(body: Record<string, unknown>, types: Record<string, unknown>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, t] of Object.entries(types)) {
    const v = body[k];
    const p = `${path}.${k}`;
    const fail = (what: string): AuditError => new AuditError(AuditErrorCode.BAD_JSON, `${p}: expected ${what}`, { path: p });
    switch (t) {
      case 'number':
        if (typeof v !== 'number') throw fail('a number');
        out[k] = v;
        break;
      case 'u64':
        if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) throw fail('a decimal string');
        out[k] = BigInt(v);
        break;
      case 'bytes':
        if (typeof v !== 'string') throw fail('a hex string');
        try {
          out[k] = fromHex(v);
        } catch (e) {
          if (isAuditError(e)) throw fail('a hex string');
          throw e;
        }
        break;
      case 'string':
        if (typeof v !== 'string') throw fail('a string');
        out[k] = v;
        break;
      case 'boolean':
        if (typeof v !== 'boolean') throw fail('a boolean');
        out[k] = v;
        break;
      case 'null':
        out[k] = null;
        break;
      default:
        out[k] = v;
    }
  }
  return out;
}
