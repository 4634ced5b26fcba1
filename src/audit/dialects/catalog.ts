import { AuditError, AuditErrorCode } from '../../bytes/errors.js';
import { contidRfc2017 } from './contid-rfc-2017.js';
import { ghak90V11, ghak90V7, ghak90V8 } from './ghak90.js';
import { layerDialect } from './layer.js';
import { mainline } from './mainline.js';
import type { Dialect, DialectSpec } from './model.js';
import { ns2015 } from './ns-2015.js';

const SHIPPED: readonly Dialect[] = [mainline, ns2015, contidRfc2017, ghak90V7, ghak90V8, ghak90V11];
const registry = new Map<string, Dialect>(SHIPPED.map((d) => [d.name, d]));

/**
 * The dialect called `name`. Unknown names are an `AUDIT_ERR_BAD_VALUE` that lists the known ones.
 *
 * @example decodeDatagram(bytes, { littleEndian: true, registry: getDialect('ghak90-v11').registry })
 */
export function getDialect(name: string): Dialect {
  const d = registry.get(name);
  if (d === undefined) {
    throw new AuditError(AuditErrorCode.BAD_VALUE, `unknown dialect ${JSON.stringify(name)}; known: ${listDialects().join(', ')}`, { path: 'dialect' });
  }
  return d;
}

/**
 * Names of the registered dialects, shipped ones first.
 *
 * @example listDialects() // ['mainline', 'ns-2015', 'contid-rfc-2017', 'ghak90-v7', 'ghak90-v8', 'ghak90-v11']
 */
export function listDialects(): string[] {
  return [...registry.keys()];
}

export interface DefineDialectSpec extends DialectSpec {
  /** The dialect to layer on, by name or value; `mainline` when absent. */
  readonly base?: string | Dialect;
}

/**
 * A dialect of your own (your patched kernel), layered on a shipped or registered one. It is not
 * registered: pass it where a dialect is taken, or `registerDialect` it to look it up by name.
 *
 * @example
 * const mine = defineDialect({ name: 'ghak90-v11+ns', base: 'ghak90-v11', types: NS_2015_TYPES.slice(0, 6) });
 */
export function defineDialect(spec: DefineDialectSpec): Dialect {
  const base = spec.base === undefined ? mainline : typeof spec.base === 'string' ? getDialect(spec.base) : spec.base;
  return layerDialect(base, spec);
}

/**
 * Make `getDialect(dialect.name)` find `dialect`. Shipped names cannot be replaced.
 *
 * @example registerDialect(defineDialect({ name: 'mine', types: [] }))
 */
export function registerDialect(dialect: Dialect): void {
  if (SHIPPED.some((d) => d.name === dialect.name)) {
    throw new AuditError(AuditErrorCode.BAD_VALUE, `dialect ${dialect.name} is shipped with the library and cannot be replaced`, { path: 'dialect.name' });
  }
  registry.set(dialect.name, dialect);
}
