import { recordToJson } from '../records/json.js';
import type { RecordJson } from '../records/json.js';
import type { AuditRecord } from '../records/types.js';
import { interpretField } from './interpret.js';
import type { InterpretOptions } from './interpret.js';

/**
 * The JSON Lines part for a record with `interp` on every field (docs/records.md): what the
 * CLI's `decode` writes for a text record.
 *
 * @example recordJsonWithInterpretation(rec).fields[0].interp // → 'x86_64'
 */
export function recordJsonWithInterpretation(r: AuditRecord, opts: InterpretOptions = {}): RecordJson {
  return recordToJson(r, { interpret: (rec, f) => interpretField(rec, f, opts) });
}
