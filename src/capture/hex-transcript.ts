import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import { fromHex } from '../bytes/hex.js';
import { LineFramer } from './lines.js';
import { latin1 } from './text.js';
import { CALL_DIRECTION, CaptureNoticeCode } from './types.js';
import type { CaptureItem, CapturedDatagram } from './types.js';

/**
 * Hex transcripts: one datagram per line as bare hex, or prefixed with the call that moved it
 * (`sendto` → to the kernel, `recvfrom` → from it). `recvfrom (peek)` lines are MSG_PEEK reads of
 * the next datagram, so they are reported and skipped; `#` lines are comments.
 */
const LINE = /^(?:([a-z]+)(?:\s+(\(peek\)))?\s+)?([0-9A-Fa-f][0-9A-Fa-f\s]*)$/;

/** Is `line` (already trimmed, not a comment) a transcript line? Used by format detection. */
export function isHexTranscriptLine(line: string): boolean {
  const m = LINE.exec(line);
  return m !== null && (m[1] === undefined || CALL_DIRECTION[m[1]] !== undefined);
}

export function hexTranscriptFramer(littleEndian: boolean, maxLineBytes: number): LineFramer {
  let index = 0;
  return new LineFramer((bytes, offset): CaptureItem | undefined => {
    const raw = latin1(bytes);
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return undefined;
    const m = LINE.exec(line);
    const call = m?.[1];
    const direction = call === undefined ? undefined : CALL_DIRECTION[call];
    if (m === null || (call !== undefined && direction === undefined)) {
      throw new AuditError(AuditErrorCode.BAD_CAPTURE, `not a hex transcript line: ${JSON.stringify(line.slice(0, 40))}`, { offset });
    }
    const hexText = m[3]!;
    const hexAt = offset + lead + line.length - hexText.length;
    if (m[2] !== undefined) {
      return { kind: 'notice', notice: { code: CaptureNoticeCode.PEEK, offset: hexAt, message: 'MSG_PEEK read skipped (the next line repeats it)' } };
    }
    const datagram: CapturedDatagram = {
      bytes: fromHex(hexText, hexAt),
      index: index++,
      offset: hexAt,
      littleEndian,
      ...(direction === undefined ? {} : { direction }),
    };
    return { kind: 'datagram', datagram };
  }, maxLineBytes);
}
