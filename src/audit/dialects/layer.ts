import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import type { PayloadCodec } from '../codec.js';
import { emptyCodec } from '../messages/empty.js';
import { featuresCodec } from '../messages/features.js';
import type { TypeEntry } from '../registry.js';
import type { Dialect, DialectSpec, MessageTypeDef } from './model.js';
import { makeStatusCodec } from './status.js';

const asCodec = <T>(c: PayloadCodec<T>): PayloadCodec<unknown> => c as PayloadCodec<unknown>;

/** AUDIT_GET / AUDIT_SET with the dialect's `audit_status`; GET keeps the core's request and old-kernel reply rules. */
function statusEntries(types: ReadonlyMap<number, MessageTypeDef>, spec: DialectSpec, fields: Dialect['statusFields']): MessageTypeDef[] {
  const status = asCodec(makeStatusCodec(fields));
  const own = new Set((spec.types ?? []).map((t) => t.type));
  const out: MessageTypeDef[] = [];
  const get = types.get(1000);
  if (get !== undefined && !own.has(1000)) {
    out.push({
      ...get,
      codec: (c) => (c.direction === 'to-kernel' ? asCodec(emptyCodec) : c.payloadLength === 16 ? asCodec(featuresCodec) : status),
    });
  }
  const set = types.get(1001);
  if (set !== undefined && !own.has(1001)) out.push({ ...set, codec: status });
  return out;
}

/**
 * A dialect made of `base` with `spec`'s differences: types replace or add to the base's by
 * number, rule fields by id, status fields by offset, feature bits by bit. Its registry is the
 * base's registry extended with the same changes.
 *
 * @example layerDialect(mainline, { name: 'mine', types: [{ type: 1099, name: 'MINE', class: 'kernel-record', codec: textCodec }] })
 */
export function layerDialect(base: Dialect, spec: DialectSpec): Dialect {
  if (!/^[a-z0-9][a-z0-9+@._-]*$/.test(spec.name)) {
    throw new AuditError(AuditErrorCode.BAD_VALUE, `dialect name ${JSON.stringify(spec.name)}: use lower-case letters, digits, + @ . _ -`, { path: 'dialect.name' });
  }
  const types = new Map<number, MessageTypeDef>(base.types);
  for (const n of spec.removeTypes ?? []) types.delete(n);
  for (const t of spec.types ?? []) types.set(t.type, t);
  const ruleFields = new Map(base.ruleFields);
  for (const f of spec.ruleFields ?? []) ruleFields.set(f.id, f);
  const status = new Map(base.statusFields.map((f) => [f.offset, f]));
  for (const f of spec.statusFields ?? []) status.set(f.offset, f);
  const statusFields = [...status.values()].sort((a, b) => a.offset - b.offset);
  const featureBits = new Map(base.featureBits);
  for (const b of spec.featureBits ?? []) featureBits.set(b.bit, b);
  const byteFields = new Set<number>(base.registry.ruleStringFields);
  for (const f of spec.ruleFields ?? []) {
    if (f.value === 'u32') byteFields.delete(f.id);
    else byteFields.add(f.id);
  }
  const entries: TypeEntry[] = [...(spec.types ?? [])];
  if (spec.statusFields !== undefined && spec.statusFields.length > 0) {
    for (const e of statusEntries(types, spec, statusFields)) {
      types.set(e.type, e);
      entries.push(e);
    }
  }
  const registry = base.registry.extend({
    name: spec.name,
    types: entries,
    remove: spec.removeTypes ?? [],
    ruleStringFields: byteFields,
    codecs: entries.flatMap((e) => (typeof e.codec === 'function' ? [] : [e.codec])),
  });
  const typeNumbers = new Map<string, number>();
  for (const t of [...types.values()].sort((a, b) => a.type - b.type)) if (!typeNumbers.has(t.name)) typeNumbers.set(t.name, t.type);
  return {
    name: spec.name,
    base: base.name,
    description: spec.description ?? `${spec.name}, layered on ${base.name}`,
    registry,
    types,
    typeNumbers,
    ruleFields,
    statusFields,
    featureBits: new Map([...featureBits.entries()].sort((a, b) => a[0] - b[0])),
    changed: {
      types: [...new Set([...(spec.removeTypes ?? []), ...(spec.types ?? []).map((t) => t.type)])].sort((a, b) => a - b),
      ruleFields: (spec.ruleFields ?? []).map((f) => f.id),
      statusOffsets: (spec.statusFields ?? []).map((f) => f.offset),
      featureBits: (spec.featureBits ?? []).map((b) => b.bit),
    },
  };
}
