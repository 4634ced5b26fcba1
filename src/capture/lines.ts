import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import type { FrameStep, Framer } from './framer.js';
import type { CaptureItem } from './types.js';

/**
 * Called with one line (no `\n`, no trailing `\r`), the absolute offset of its first byte, and
 * whether a newline ended it (false only for a last line the input ended without one).
 */
export type LineHandler = (line: Uint8Array, offset: number, newline: boolean) => CaptureItem | undefined;

/**
 * A framer for line-oriented text (hex transcripts, strace, audit.log). It remembers how far it
 * has searched for the newline, so feeding a long line one byte at a time stays linear, and a line
 * longer than `maxLineBytes` is reported once and skipped up to its newline.
 */
export class LineFramer implements Framer {
  private scanned = 0;
  private skipping = false;
  private readonly onLine: LineHandler;
  private readonly maxLineBytes: number;

  constructor(onLine: LineHandler, maxLineBytes: number) {
    this.onLine = onLine;
    this.maxLineBytes = maxLineBytes;
  }

  step(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    const nl = view.indexOf(0x0a, this.scanned);
    if (nl < 0) {
      if (this.skipping) {
        this.scanned = 0;
        if (view.length === 0) return undefined;
        if (ended) this.skipping = false;
        return { consumed: view.length };
      }
      if (view.length > this.maxLineBytes) {
        this.skipping = true;
        this.scanned = 0;
        return { consumed: view.length, item: { kind: 'error', error: this.tooLong(base) } };
      }
      if (!ended || view.length === 0) {
        this.scanned = view.length;
        return undefined;
      }
      return this.emit(view, base, view.length);
    }
    this.scanned = 0;
    if (this.skipping) {
      this.skipping = false;
      return { consumed: nl + 1 };
    }
    // The same limit whether the line arrived whole or a byte at a time.
    if (nl > this.maxLineBytes) return { consumed: nl + 1, item: { kind: 'error', error: this.tooLong(base) } };
    return this.emit(view.subarray(0, nl), base, nl + 1);
  }

  /** The error for a line over the limit; its length is not reported, since a streamed line's is not known yet. */
  private tooLong(offset: number): AuditError {
    return new AuditError(AuditErrorCode.LIMIT, `line longer than ${this.maxLineBytes} bytes`, { offset, expected: this.maxLineBytes });
  }

  private emit(line: Uint8Array, base: number, consumed: number): FrameStep {
    const end = line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length;
    let item: CaptureItem | undefined;
    try {
      item = this.onLine(line.subarray(0, end), base, consumed > line.length);
    } catch (e) {
      // A bad line is reported and the next line starts afresh: text formats resync at newlines.
      if (!(e instanceof AuditError)) throw e;
      item = { kind: 'error', error: e };
    }
    return item === undefined ? { consumed } : { consumed, item };
  }
}
