import { formatLogLine } from '../records/format.js';
import type { LogLineOptions } from '../records/format.js';
import type { AuditField, AuditRecord } from '../records/types.js';
import { fieldKind, FIELD_KINDS } from './field-types.js';
import { interpretAs } from './interpret.js';
import type { InterpretOptions } from './interpret.js';

/**
 * Writing the ENRICHED log format, as auditd 3.0.9 does (`format_enrich` in
 * `src/auditd-event.c`): after the raw record, one 0x1D (AUDIT_INTERP_SEPARATOR, `ENRICHED_SEPARATOR`), then for every
 * field libauparse types as a uid or gid, `NAME="value"` (`audit_encode_nv_string`: upper-case hex
 * instead when the value holds a quote, a space, a control or a non-ASCII byte), and for every
 * syscall, arch or sockaddr field `NAME=value` as it is; fields in record order, names upper-cased
 * (at most 63 characters), separated by one space. A record with none of these fields gets no
 * suffix. User and group names come only from the caller's resolvers (`unknown(N)` otherwise).
 *
 * Like auditd, each record is interpreted on its own and by libauparse's rules, so a `syscall=`
 * outside a SYSCALL record becomes `SYSCALL=unknown-syscall(-1)` (auparse only knows the syscall
 * of SYSCALL records). auditd skips fields that no longer fit its 8970-byte line buffer; this
 * function has no such limit.
 */

/** What `enrichRecord` needs: the interpretation options (resolvers, field kinds, machine). */
export type EnrichOptions = InterpretOptions;

const SYSCALL_RECORD = 1300;
const EMPTY: EnrichOptions = {};

/**
 * `audit_encode_nv_string`: `NAME="value"`, or `NAME=HEX` (upper-case, of the UTF-8 bytes) when
 * the value holds `"`, a byte below 0x21 or above 0x7E.
 *
 * @example encodeNameValue('AUID', 'root') // → 'AUID="root"'
 */
export function encodeNameValue(name: string, value: string): string {
  let plain = true;
  for (let i = 0; i < value.length && plain; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22 || c < 0x21 || c > 0x7e) plain = false;
  }
  if (plain) return `${name}="${value}"`;
  let hex = '';
  for (const b of new TextEncoder().encode(value)) hex += HEX[b >> 4]! + HEX[b & 15]!;
  return `${name}=${hex}`;
}

const HEX = '0123456789ABCDEF';

function upperName(name: string): string {
  let out = '';
  const n = Math.min(name.length, 63);
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    out += c >= 0x61 && c <= 0x7a ? String.fromCharCode(c - 0x20) : name.charAt(i);
  }
  return out;
}

/**
 * The fields auditd appends to a record in the ENRICHED format, as `name`/`raw` pairs in order
 * (`[{ name: 'ARCH', raw: 'x86_64' }, { name: 'AUID', raw: '"root"' }]`), empty when none applies.
 * Any ENRICHED suffix the record already has is ignored: the values come from the raw fields.
 *
 * @example enrichedFields(parseLogLine('type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=59 auid=0'), { resolveUser: () => 'root' }) // → ARCH=x86_64 SYSCALL=execve AUID="root"
 */
export function enrichedFields(record: AuditRecord, opts: EnrichOptions = EMPTY): { name: string; raw: string }[] {
  const table = opts.fieldKinds ?? FIELD_KINDS;
  const base = record.enriched === undefined ? record : withoutEnriched(record);
  const out: { name: string; raw: string }[] = [];
  for (const f of base.fields) {
    const kind = fieldKind(base.type, f.name, f.raw, table);
    switch (kind) {
      case 'uid':
      case 'gid': {
        const text = encodeNameValue(upperName(f.name), interpretAs(kind, base, f.raw, opts, f.name));
        out.push({ name: text.slice(0, text.indexOf('=')), raw: text.slice(text.indexOf('=') + 1) });
        break;
      }
      case 'syscall':
        out.push({ name: upperName(f.name), raw: base.type === SYSCALL_RECORD ? interpretAs(kind, base, f.raw, opts, f.name) : 'unknown-syscall(-1)' });
        break;
      case 'arch':
      case 'sockaddr':
        out.push({ name: upperName(f.name), raw: interpretAs(kind, base, f.raw, opts, f.name) });
        break;
      default:
        break;
    }
  }
  return out;
}

function withoutEnriched(record: AuditRecord): AuditRecord {
  const { enriched: _e, enrichedTail: _t, ...rest } = record;
  return rest;
}

/**
 * The record with auditd's ENRICHED suffix (replacing any it had): `formatLogLine` of the result
 * is the line auditd writes with `log_format = ENRICHED`. A record with no uid, gid, syscall, arch
 * or sockaddr field comes back without a suffix, as auditd writes it.
 *
 * @example formatLogLine(enrichRecord(rec, { resolveUser, resolveGroup })) // '...auid=1000\x1dAUID="alice"'
 */
export function enrichRecord(record: AuditRecord, opts: EnrichOptions = EMPTY): AuditRecord {
  const extra = enrichedFields(record, opts);
  const base = record.enriched === undefined ? record : withoutEnriched(record);
  if (extra.length === 0) return base;
  const enriched: AuditField[] = extra.map((e, i) => {
    const n = e.raw.length;
    const quoted = n >= 2 && e.raw.charCodeAt(0) === 0x22 && e.raw.charCodeAt(n - 1) === 0x22;
    return { name: e.name, raw: e.raw, value: quoted ? e.raw.slice(1, -1) : e.raw, form: quoted ? 'quoted' : 'bare', inMsg: false, sep: i === 0 ? '' : ' ' };
  });
  return { ...base, enriched, enrichedTail: '' };
}

/**
 * The audit.log line auditd writes for a record in the ENRICHED format: `formatLogLine` of
 * `enrichRecord` (`line` as formatLogLine takes it). This is the function the log writer calls when asked for ENRICHED output.
 *
 * @example formatEnrichedLogLine(parseLogLine('type=SOCKADDR msg=audit(1.000:3): saddr=02000050A9FEA9FE0000000000000000')) // '...\x1dSADDR={ saddr_fam=inet laddr=169.254.169.254 lport=80 }'
 */
export function formatEnrichedLogLine(record: AuditRecord, opts: EnrichOptions = EMPTY, line: LogLineOptions = {}): string {
  return formatLogLine(enrichRecord(record, opts), line);
}
