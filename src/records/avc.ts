import type { AuditRecord } from './types.js';

/** The SELinux decision at the start of an AVC body: `avc:  denied  { read write } for  ...`. */
export interface AvcDecision {
  /** `denied` or `granted` (libauparse's `seresult`). */
  readonly result: string;
  /** The permissions between the braces, comma-joined (libauparse's `seperms`). */
  readonly perms: string;
}

/**
 * Reads the `avc:  denied  { ... } for` words of an AVC or USER_AVC record. They are not
 * key=value pairs, so the parser keeps them in the separator text; libauparse reports them as
 * fields `seresult` and `seperms`.
 *
 * @example avcDecision(parseLogLine('type=AVC msg=audit(1.000:2): avc:  denied  { read } for  pid=1')) // → { result: 'denied', perms: 'read' }
 */
export function avcDecision(record: AuditRecord): AvcDecision | undefined {
  for (const f of record.fields) {
    const at = f.sep.indexOf('avc:');
    if (at < 0) continue;
    const words = f.sep.slice(at + 4).split(' ').filter((w) => w !== '');
    const result = words[0];
    if (result === undefined || words[1] !== '{') return undefined;
    const close = words.indexOf('}', 2);
    if (close < 0) return undefined;
    return { result, perms: words.slice(2, close).join(',') };
  }
  return undefined;
}
