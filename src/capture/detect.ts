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
  const window = bytes.subarray(0, DETECT_WINDOW);
  if (looksLikeText(window)) {
    const text = detectText(window, ended || bytes.length >= DETECT_WINDOW);
    if (text !== 'unknown') return text;
  } else if (bareNetlink(bytes)) {
    return 'raw';
  } else if (!ended && bytes.length < 16) {
    return undefined;
  }
  throw new AuditError(AuditErrorCode.UNKNOWN_FORMAT, 'input is not pcap, pcapng, raw netlink, a hex transcript, strace output or audit.log', {
    offset: 0,
  });
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Text captures are ASCII/UTF-8 lines: no NUL and few control bytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x1d) return false;
  }
  return true;
}

function detectText(bytes: Uint8Array, final: boolean): CaptureFormat | undefined | 'unknown' {
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0 && !final) return undefined;
    const line = latin1(bytes.subarray(start, nl < 0 ? bytes.length : nl)).trim();
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
