import { LIBAUDIT_FIELDS } from '../../tables/libaudit.generated.js';
import { MAINLINE_RULE_STRING_FIELDS } from '../messages/rule-data.js';
import { MAINLINE_REGISTRY } from '../registry.js';
import type { Dialect, FlagBitDef, MessageTypeDef, RuleFieldDef, StatusFieldDef } from './model.js';

/** `struct audit_status` of mainline (reference §3.1) with the `AUDIT_STATUS_*` bits (§3.2). */
export const MAINLINE_STATUS_FIELDS: readonly StatusFieldDef[] = [
  { name: 'mask', offset: 0 },
  { name: 'enabled', offset: 4, maskBit: 0x0001 },
  { name: 'failure', offset: 8, maskBit: 0x0002 },
  { name: 'pid', offset: 12, maskBit: 0x0004 },
  { name: 'rate_limit', offset: 16, maskBit: 0x0008 },
  { name: 'backlog_limit', offset: 20, maskBit: 0x0010 },
  { name: 'lost', offset: 24, maskBit: 0x0040 },
  { name: 'backlog', offset: 28 },
  { name: 'feature_bitmap', offset: 32 },
  { name: 'backlog_wait_time', offset: 36, maskBit: 0x0020 },
  { name: 'backlog_wait_time_actual', offset: 40, maskBit: 0x0080, source: 'reference §3.1, commit b43870c74f3f' },
];

/** `AUDIT_FEATURE_BITMAP_*` of mainline (reference §3.3). */
export const MAINLINE_FEATURE_BITS: readonly FlagBitDef[] = [
  { bit: 0x01, name: 'BACKLOG_LIMIT' },
  { bit: 0x02, name: 'BACKLOG_WAIT_TIME' },
  { bit: 0x04, name: 'EXECUTABLE_PATH' },
  { bit: 0x08, name: 'EXCLUDE_EXTEND' },
  { bit: 0x10, name: 'SESSIONID_FILTER' },
  { bit: 0x20, name: 'LOST_RESET' },
  { bit: 0x40, name: 'FILTER_FS' },
];

function ruleFieldDefs(): Map<number, RuleFieldDef> {
  const m = new Map<number, RuleFieldDef>();
  for (const [id, name] of LIBAUDIT_FIELDS) {
    m.set(id, { id, name, value: MAINLINE_RULE_STRING_FIELDS.has(id) ? 'string' : 'u32', source: 'lib/fieldtab.h (reference §3.7)' });
  }
  return m;
}

/**
 * Linux as merged: the core's `MAINLINE_REGISTRY` (6.18 uapi, libaudit 3.0.9 names) with the rule
 * field, status and feature tables. The default dialect and the base of the others.
 *
 * @example mainline.types.get(1336)?.name // 'URINGOP'
 */
export const mainline: Dialect = (() => {
  const types = new Map<number, MessageTypeDef>(MAINLINE_REGISTRY.entries().map((e) => [e.type, e]));
  return {
    name: 'mainline',
    base: null,
    description: 'Linux as merged: include/uapi/linux/audit.h of 6.18 with the names libaudit 3.0.9 prints.',
    registry: MAINLINE_REGISTRY,
    types,
    typeNumbers: new Map([...types.values()].map((t) => [t.name, t.type])),
    ruleFields: ruleFieldDefs(),
    statusFields: MAINLINE_STATUS_FIELDS,
    featureBits: new Map(MAINLINE_FEATURE_BITS.map((b) => [b.bit, b])),
    changed: { types: [], ruleFields: [], statusOffsets: [], featureBits: [] },
  };
})();
