import { AUDIT_BITMASK_SIZE, AUDIT_MAX_FIELDS, type AuditRuleData } from '../audit/messages/rule-data.js';

/**
 * A rule being built: what libaudit's `struct audit_rule_data *` is while auditctl parses a
 * line. Only `toRuleData` turns it into the immutable body the codec encodes.
 */
export interface RuleDraft {
  flags: number;
  action: number;
  readonly mask: number[];
  readonly fields: number[];
  readonly values: number[];
  readonly fieldflags: number[];
  /** Bytes of each string-carrying field, `null` for numeric fields (same shape as AuditRuleData.strings). */
  readonly strings: (Uint8Array | null)[];
}

export function newDraft(): RuleDraft {
  return { flags: 0, action: 0, mask: new Array<number>(AUDIT_BITMASK_SIZE).fill(0), fields: [], values: [], fieldflags: [], strings: [] };
}

export function addField(d: RuleDraft, field: number, op: number, value: number, str: Uint8Array | null = null): void {
  d.fields.push(field);
  d.fieldflags.push(op);
  d.values.push(str === null ? value >>> 0 : str.length);
  d.strings.push(str);
}

/** Set every syscall bit, as libaudit's `audit_rule_syscallbyname_data(rule, "all")` does. */
export function setAllSyscalls(d: RuleDraft): void {
  d.mask.fill(0xffffffff);
}

/** Set the bit of syscall `nr`; false when `nr` is beyond the 2048-bit mask. */
export function setSyscall(d: RuleDraft, nr: number): boolean {
  const word = Math.floor(nr / 32);
  if (word > AUDIT_BITMASK_SIZE - 1) return false;
  d.mask[word] = (d.mask[word]! | (1 << nr % 32)) >>> 0;
  return true;
}

/** AUDIT_MAX_FIELDS zeros: copied (a flat, fast clone) rather than grown one `push` at a time. */
const ZEROS: number[] = [];
for (let i = 0; i < AUDIT_MAX_FIELDS; i++) ZEROS.push(0);
const EMPTY_BYTES = new Uint8Array(0);

function padded(a: readonly number[]): number[] {
  const out = ZEROS.slice();
  const n = Math.min(a.length, AUDIT_MAX_FIELDS);
  for (let i = 0; i < n; i++) out[i] = a[i]!;
  return out;
}

/** The immutable `audit_rule_data` body of a draft, `buf` holding the strings in field order. */
export function toRuleData(d: RuleDraft): AuditRuleData {
  let buflen = 0;
  for (const s of d.strings) if (s !== null) buflen += s.length;
  return {
    flags: d.flags >>> 0,
    action: d.action >>> 0,
    field_count: d.fields.length,
    mask: d.mask.slice(),
    fields: padded(d.fields),
    values: padded(d.values),
    fieldflags: padded(d.fieldflags),
    buflen,
    strings: d.strings.slice(),
    bufRest: EMPTY_BYTES,
    trailing: EMPTY_BYTES,
  };
}
