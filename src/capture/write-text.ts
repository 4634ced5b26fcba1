import { toHex } from '../bytes/hex.js';
import { peekU16 } from '../bytes/reader.js';
import { MAINLINE_MSG_TYPE_NAMES, unknownTypeName } from '../tables/msg-types.js';
import { RAW_HEADER_LENGTH, RAW_MAGIC, RAW_RECORD_HEADER_LENGTH } from './raw.js';
import { startsWithStamp } from './records.js';
import { utf8 } from './text.js';
import type { CapturedDatagram } from './types.js';
import { concatBytes } from './write-pcap.js';

/**
 * One hex transcript line: `sendto HEX` / `recvfrom HEX` by direction, bare hex without one.
 *
 * @example hexLine({ bytes: Uint8Array.of(1, 2), index: 0, offset: 0, direction: 'to-kernel' }) // → 'sendto 0102\n'
 */
export function hexLine(d: CapturedDatagram, opts: { readonly bare?: boolean } = {}): string {
  const prefix = opts.bare === true || d.direction === undefined ? '' : d.direction === 'to-kernel' ? 'sendto ' : 'recvfrom ';
  return `${prefix}${toHex(d.bytes)}\n`;
}

/**
 * The raw format's 12-byte file header (docs/captures.md).
 *
 * @example rawHeader(true) // → 41 55 44 49 54 4e 4c 01 01 00 00 00
 */
export function rawHeader(littleEndian = true): Uint8Array<ArrayBuffer> {
  const h = new Uint8Array(RAW_HEADER_LENGTH);
  h.set(RAW_MAGIC);
  h[8] = littleEndian ? 1 : 0;
  return h;
}

/**
 * One raw-format record: big-endian u32 length, direction byte, three zero bytes, the datagram.
 *
 * @example rawRecord({ bytes, index: 0, offset: 0 }).length // → bytes.length + 8
 */
export function rawRecord(d: CapturedDatagram): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(RAW_RECORD_HEADER_LENGTH + d.bytes.length);
  new DataView(out.buffer).setUint32(0, d.bytes.length);
  out[4] = d.direction === 'to-kernel' ? 1 : d.direction === 'from-kernel' ? 2 : 0;
  out.set(d.bytes, RAW_RECORD_HEADER_LENGTH);
  return out;
}

/** @example writeRaw(datagrams) // → AUDITNL\x01 header + records */
export function writeRaw(datagrams: Iterable<CapturedDatagram>, littleEndian = true): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [rawHeader(littleEndian)];
  for (const d of datagrams) parts.push(rawRecord(d));
  return concatBytes(parts);
}

/** EOE (1320) is dispatched but never written to disk by auditd (`handle_event`). */
const AUDIT_EOE = 1320;

/**
 * Does auditd write records of this type to audit.log? Control messages and EOE: no.
 *
 * @example isLoggedType(1320) // → false (EOE)
 */
export function isLoggedType(type: number): boolean {
  if (type === AUDIT_EOE) return false;
  if (type === 1005 || type === 1006) return true;
  return type >= 1100;
}

/**
 * Is this datagram a record the kernel sent, as auditd receives it: not on its way to the kernel,
 * and its payload starts with the `audit(SEC.MS:SERIAL): ` stamp? A user-space request (a USER_*
 * message sent by auditctl or pam, no stamp yet) is not; the kernel's echo of it is.
 *
 * @example isKernelRecord(datagramOf('type=USER msg=audit(1.2:3): ...')) // → true
 */
export function isKernelRecord(d: CapturedDatagram): boolean {
  if (d.direction === 'to-kernel') return false;
  return startsWithStamp(d.bytes, 16, d.bytes.length);
}

/** What `logLineOf` takes besides the datagram. */
export interface LogLineOfOptions {
  /** `node=NAME ` before the line, as auditd's name_format writes it. */
  readonly node?: string;
  /** The type name to write (a dialect's `registry.nameOf`); default the mainline names, else `UNKNOWN[n]`. */
  readonly nameOf?: (type: number) => string;
}

/**
 * The audit.log line auditd (`format_raw`) writes for a kernel record datagram, or `undefined`
 * for what it never logs: control messages, EOE, and user-space requests going to the kernel
 * (auditd logs only what the kernel sends, records stamped `audit(SEC.MS:SERIAL): `). Like
 * auditd: newlines become spaces and one trailing space is cut.
 *
 * @example logLineOf(datagram) // → 'type=CWD msg=audit(1.002:3): cwd="/"\n'
 */
export function logLineOf(d: CapturedDatagram, opts: LogLineOfOptions = {}): string | undefined {
  if (d.bytes.length < 16 || !isKernelRecord(d)) return undefined;
  const type = peekU16(d.bytes, 4, d.littleEndian ?? true);
  if (!isLoggedType(type)) return undefined;
  let text = utf8(d.bytes.subarray(16)).replace(/\n/g, ' ');
  // Kernel records carry no NUL; user messages echoed by the kernel may end in one.
  text = text.replace(/\0+$/, '');
  if (text.endsWith(' ')) text = text.slice(0, -1);
  const name = opts.nameOf?.(type) ?? MAINLINE_MSG_TYPE_NAMES.get(type) ?? unknownTypeName(type);
  return `${opts.node === undefined ? '' : `node=${opts.node} `}type=${name} msg=${text}\n`;
}

/** What a log line had besides its payload: enough to write it back byte for byte. */
export interface LogLineParts {
  /** The type name as written (`SYSCALL`, `UNKNOWN[1338]`). */
  readonly typeName: string;
  readonly node?: string;
  /** The ENRICHED part after the 0x1D separator. */
  readonly enrichment?: string;
  /** False when the line had no newline (the last line of a log that does not end in one); default true. */
  readonly newline?: boolean;
}

/**
 * A log line again from its parts and its payload: `[node=N ]type=NAME msg=PAYLOAD[\x1dENRICHED]`,
 * with a newline unless the original line had none. For a `LogLine` read from a log, this is the
 * line's bytes exactly (CR of a CRLF line aside).
 *
 * @example logLineText({ typeName: 'CWD', newline: false }, 'audit(1.2:3): cwd="/"') // → 'type=CWD msg=audit(1.2:3): cwd="/"'
 */
export function logLineText(parts: LogLineParts, payload: string): string {
  const node = parts.node === undefined ? '' : `node=${parts.node} `;
  const enrichment = parts.enrichment === undefined ? '' : `\x1d${parts.enrichment}`;
  return `${node}type=${parts.typeName} msg=${payload}${enrichment}${parts.newline === false ? '' : '\n'}`;
}
