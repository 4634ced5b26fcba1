import type { ContidList } from './contid.js';
import { fieldValue, valueOffset, type RecordField } from './fields.js';
import { contidListValue, u32Value } from './values.js';

/**
 * `record=N` on a primary record (SYSCALL, OBJ_PID, NETFILTER_PKT in ghak90 v9–v11), which names
 * the CONTAINER_ID record with the same `record=` in the same event ([LA] v11 03/11, 08/11).
 *
 * @example recordLinkOf(splitFields('proto=1 record=1')) // 1
 */
export function recordLinkOf(fields: readonly RecordField[], base = 0, path = 'record'): number | undefined {
  const i = fields.findIndex((f) => f.name === 'record');
  if (i < 0) return undefined;
  return u32Value.parse(fields[i]!.value, base + valueOffset(fields, i), `${path}.record`);
}

/**
 * The `contid=` of any record (CONTAINER_ID, CONTAINER_OP, or one a patch added elsewhere).
 *
 * @example contidOf(splitFields('record=1 contid=2,^1'))?.chains[0]?.ancestors // [1n]
 */
export function contidOf(fields: readonly RecordField[], base = 0, path = 'record'): ContidList | undefined {
  const i = fields.findIndex((f) => f.name === 'contid');
  if (i < 0 || fieldValue(fields, 'contid') === undefined) return undefined;
  return contidListValue.parse(fields[i]!.value, base + valueOffset(fields, i), `${path}.contid`);
}
