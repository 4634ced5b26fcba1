import type { AuditRegistry } from '../../audit/registry.js';
import { isAuditError } from '../../bytes/errors.js';
import { peekU16 } from '../../bytes/reader.js';
import { logLineOf } from '../../capture/write-text.js';
import { logTypeNumber } from '../../capture/log-datagram.js';
import type { CapturedDatagram } from '../../capture/types.js';
import type { LogJson } from '../json/schema.js';

const utf8 = new TextDecoder();

/**
 * The audit.log line for a datagram, with its newline, or `undefined` when auditd would not log
 * it (control messages, EOE).
 *
 * A datagram read from a log (`log` given: the line's type name, node and ENRICHED part) is
 * written back as that line: `[node=N ]type=NAME msg=PAYLOAD[\x1dENRICHED]`, byte for byte when
 * nothing was edited (the type name as written unless `nlmsg_type` changed). Any other datagram is
 * written as auditd writes a record fresh from the kernel (`logLineOf`: newlines become spaces,
 * one trailing space is cut), its type named by the dialect's registry; user-space requests
 * (to the kernel, or text without an `audit(...)` stamp) are not logged.
 *
 * @example logLineFor(datagram, MAINLINE_REGISTRY) // → 'type=CWD msg=audit(1.002:3): cwd="/"\n'
 */
export function logLineFor(d: CapturedDatagram, registry: AuditRegistry, log?: LogJson): string | undefined {
  if (d.bytes.length < 16) return undefined;
  const type = peekU16(d.bytes, 4, d.littleEndian ?? true);
  if (log !== undefined) {
    const name = sameType(log.type_name, type) ? log.type_name : registry.nameOf(type);
    const payload = utf8.decode(d.bytes.subarray(16)).replace(/\0+$/, '');
    const node = log.node === undefined ? '' : `node=${log.node} `;
    return `${node}type=${name} msg=${payload}${log.enrichment === undefined ? '' : `\x1d${log.enrichment}`}\n`;
  }
  // auditd logs what the kernel sends: a user-space request (a USER_* message on its way to the
  // kernel, no `audit(...)` stamp yet) is not a log line.
  if (d.direction === 'to-kernel' || !startsWithAudit(d.bytes)) return undefined;
  const line = logLineOf(d);
  if (line === undefined || registry.name === 'mainline') return line;
  return line.replace(/^type=\S+ /, `type=${registry.nameOf(type)} `);
}

const AUDIT_PREFIX = [0x61, 0x75, 0x64, 0x69, 0x74, 0x28]; // "audit("

function startsWithAudit(bytes: Uint8Array): boolean {
  return bytes.length >= 16 + AUDIT_PREFIX.length && AUDIT_PREFIX.every((b, i) => bytes[16 + i] === b);
}

function sameType(name: string, type: number): boolean {
  try {
    return logTypeNumber(name) === type;
  } catch (e) {
    if (isAuditError(e)) return false;
    throw e;
  }
}
