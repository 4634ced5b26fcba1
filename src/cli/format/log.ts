import type { AuditRegistry } from '../../audit/registry.js';
import { isAuditError } from '../../bytes/errors.js';
import { peekU16 } from '../../bytes/reader.js';
import { logTypeNumber } from '../../capture/log-datagram.js';
import { logLineOf, logLineText } from '../../capture/write-text.js';
import type { CapturedDatagram } from '../../capture/types.js';
import type { LogJson } from '../json/schema.js';

const utf8 = new TextDecoder();

/** A log line's parts as the CLI carries them: the JSON `log` key (type name, node, ENRICHED part, newline). */
export type LogOrigin = LogJson;

/**
 * The audit.log line for a datagram, with its newline, or `undefined` when auditd would not log
 * it (control messages, EOE, user-space requests on their way to the kernel: `logLineOf`).
 *
 * A datagram read from a log (`log` given: the line's type name, node, ENRICHED part and whether
 * it ended in a newline) is written back as that line (`logLineText`), byte for byte when nothing
 * was edited (the type name as written unless `nlmsg_type` changed). Any other datagram is
 * written as auditd writes a record fresh from the kernel, its type named by the dialect's registry.
 *
 * @example logLineFor(datagram, MAINLINE_REGISTRY) // → 'type=CWD msg=audit(1.002:3): cwd="/"\n'
 */
export function logLineFor(d: CapturedDatagram, registry: AuditRegistry, log?: LogOrigin, typeNumbers?: ReadonlyMap<string, number>): string | undefined {
  if (log !== undefined) {
    if (d.bytes.length < 16) return undefined;
    const type = peekU16(d.bytes, 4, d.littleEndian ?? true);
    const typeName = sameType(log.type_name, type, typeNumbers) ? log.type_name : registry.nameOf(type);
    const payload = utf8.decode(d.bytes.subarray(16)).replace(/\0+$/, '');
    return logLineText({ ...log, typeName }, payload);
  }
  return logLineOf(d, registry.name === 'mainline' ? {} : { nameOf: (t) => registry.nameOf(t) });
}

function sameType(name: string, type: number, typeNumbers: ReadonlyMap<string, number> | undefined): boolean {
  try {
    return logTypeNumber(name, -1, typeNumbers) === type;
  } catch (e) {
    if (isAuditError(e)) return false;
    throw e;
  }
}
