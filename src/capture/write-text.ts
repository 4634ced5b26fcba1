import { toHex } from '../bytes/hex.js';
import { peekU16 } from '../bytes/reader.js';
import { MAINLINE_MSG_TYPE_NAMES, unknownTypeName } from '../tables/msg-types.js';
import { RAW_HEADER_LENGTH, RAW_MAGIC, RAW_RECORD_HEADER_LENGTH } from './raw.js';
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
 * The audit.log line auditd (`format_raw`) writes for a kernel record datagram, or `undefined`
 * for messages it does not log. Like auditd: newlines become spaces and one trailing space is cut.
 *
 * @example logLineOf(datagram) // → 'type=CWD msg=audit(1.002:3): cwd="/"\n'
 */
export function logLineOf(d: CapturedDatagram, opts: { readonly node?: string } = {}): string | undefined {
  if (d.bytes.length < 16) return undefined;
  const type = peekU16(d.bytes, 4, d.littleEndian ?? true);
  if (!isLoggedType(type)) return undefined;
  let text = utf8(d.bytes.subarray(16)).replace(/\n/g, ' ');
  // Kernel records carry no NUL; user messages echoed by the kernel may end in one.
  text = text.replace(/\0+$/, '');
  if (text.endsWith(' ')) text = text.slice(0, -1);
  const name = MAINLINE_MSG_TYPE_NAMES.get(type) ?? unknownTypeName(type);
  return `${opts.node === undefined ? '' : `node=${opts.node} `}type=${name} msg=${text}\n`;
}
