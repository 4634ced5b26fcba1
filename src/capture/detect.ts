import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { peekU32 } from '../bytes/reader.js';
import { isHexTranscriptLine } from './hex-transcript.js';
import { pcapMagic } from './pcap.js';
import { PCAPNG_SHB } from './pcapng.js';
import { RAW_MAGIC } from './raw.js';
import { latin1 } from './text.js';
import type { CaptureFormat } from './types.js';

/**
 * Format detection from content only (never from a file name), in this order:
 * pcap magic (either byte order, µs or ns) → pcapng SHB → the raw format's magic → text (the first
 * line that is neither blank nor a `#` comment decides: strace call, audit.log record, hex
 * transcript line) → bare netlink (a plausible `nlmsghdr` at byte 0, in either byte order).
 */

/** How many bytes detection looks at before it decides on what it has. */
export const DETECT_WINDOW = 64 * 1024;

const STRACE_LINE = /^(?:\[pid\s+\d+\]\s+|\d+\s+)?(?:\d\d:\d\d:\d\d(?:\.\d+)?\s+|\d+\.\d+\s+)?(?:[a-z_][a-z0-9_]*\(|\+\+\+ |--- |<\.\.\. |\|\s+[0-9a-f]{5}\s)/;
const LOG_LINE = /^(?:node=\S+\s+)?type=\S+\s+msg=audit\(/;

/**
 * The capture format of `bytes`; `AUDIT_ERR_UNKNOWN_FORMAT` if none fits.
 *
 * @example detectFormat(fileBytes) // → 'pcap'
 */
export function detectFormat(bytes: Uint8Array): CaptureFormat {
  const f = detectPrefix(bytes, true);
  if (f === undefined) throw new AuditError(AuditErrorCode.UNKNOWN_FORMAT, 'empty input: no capture format to detect', { offset: 0 });
  return f;
}

/**
 * Detection on the first bytes of a stream: `undefined` while more bytes could change the answer
 * (fewer than 4 bytes, or no complete first line of text yet) and `ended` is false.
 *
 * @example detectPrefix(new TextEncoder().encode('sendto 1000'), false) // → undefined (no newline yet)
 */
export function detectPrefix(bytes: Uint8Array, ended: boolean): CaptureFormat | undefined {
  if (bytes.length < 4) {
    if (!ended || bytes.length === 0) return undefined;
  } else {
    if (pcapMagic(bytes) !== undefined) return 'pcap';
    if (peekU32(bytes, 0, true) === PCAPNG_SHB) return 'pcapng';
  }
  if (startsWith(bytes, RAW_MAGIC)) return 'raw';
  if (!ended && bytes.length < RAW_MAGIC.length && startsWith(RAW_MAGIC, bytes)) return undefined;
  // Only the first line that is neither blank nor a comment decides between text and binary, so a
  // stream decides the same way however its bytes are chunked.
  const first = firstLine(bytes.subarray(0, DETECT_WINDOW), ended || bytes.length >= DETECT_WINDOW);
  if (first === 'wait') return undefined;
  if (first !== 'binary' && first !== 'unknown') return first;
  if (bareNetlink(bytes)) return 'raw';
  if (!ended && bytes.length < 16) return undefined;
  throw new AuditError(AuditErrorCode.UNKNOWN_FORMAT, 'input is not pcap, pcapng, raw netlink, a hex transcript, strace output or audit.log', {
    offset: 0,
  });
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Text captures are ASCII/UTF-8 lines: no NUL and no control bytes but tab, CR and GS (ENRICHED). */
function hasControl(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x0d && b !== 0x09 && b !== 0x1d) return true;
  }
  return false;
}

/**
 * What the first line that is neither blank nor a `#` comment says: a text format, `unknown`
 * text, `binary` (a control byte up to there), or `wait` (the line is not complete yet).
 */
function firstLine(bytes: Uint8Array, final: boolean): CaptureFormat | 'unknown' | 'binary' | 'wait' {
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (hasControl(bytes, start, end)) return 'binary';
    if (nl < 0 && !final) return 'wait';
    const line = latin1(bytes.subarray(start, end)).trim();
    if (line !== '' && !line.startsWith('#')) {
      if (LOG_LINE.test(line)) return 'log';
      if (isHexTranscriptLine(line)) return 'hex';
      if (STRACE_LINE.test(line)) return 'strace';
      return 'unknown';
    }
    if (nl < 0) return 'unknown';
    start = nl + 1;
  }
}

/** A header whose nlmsg_len fits the input and whose type is an audit or netlink control type. */
function bareNetlink(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (const le of [true, false]) {
    const len = peekU32(bytes, 0, le);
    const type = le ? bytes[4]! | (bytes[5]! << 8) : (bytes[4]! << 8) | bytes[5]!;
    if (len >= 16 && type >= 1 && type < 3000) return true;
  }
  return false;
}
