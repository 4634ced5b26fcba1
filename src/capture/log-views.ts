import { AuditError, AuditErrorCode, isAuditError } from '../bytes/errors.js';
import { parseLogLineView } from '../records/view.js';
import type { RecordView } from '../records/view.js';
import type { ParseOptions } from '../records/scan.js';
import { DEFAULT_MAX_PACKET_BYTES } from './framer.js';
import { parseLogLineParts } from './log.js';
import type { LogLine } from './types.js';

/** A line that is not a record: the error, and the line's parts when it got as far as `type=NAME msg=`. */
export interface LogLineError {
  readonly kind: 'error';
  readonly error: AuditError;
  /** The line split into its parts, when it has the shape of an audit.log line (its record did not parse). */
  readonly line?: LogLine;
}

export interface LogViewReaderOptions extends ParseOptions {
  /** Longest line (default 16 MiB, as `maxPacketBytes`); a longer one is one `AUDIT_ERR_LIMIT` error and is skipped. */
  readonly maxLineBytes?: number;
  /**
   * UTF-8 bytes to string, exactly as `TextDecoder('utf-8')` (the default) decodes them. In Node,
   * `decodeUtf8` from `audit-netlink/node` is about 3× faster on ASCII logs.
   */
  readonly decodeText?: (bytes: Uint8Array) => string;
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8');
const EMPTY = new Uint8Array(0);

/**
 * The fast way through an audit.log: bytes in, `RecordView`s out, pull-based like
 * `CaptureStreamReader` (`append` a chunk, `next()` until `undefined`, `end()`, `next()` again).
 * Each chunk's complete lines are decoded as one string and every record is a view into it, so no
 * line is copied and no field is made until asked for. It reads what `CaptureStreamReader` with
 * the `log` format reads, record for record: blank lines are passed over, a trailing `\r` is
 * dropped, a bad line is an error for that line only (with its byte offset) and reading goes on.
 *
 * A view keeps its chunk's string alive; `toRecord()` the ones kept for long.
 *
 * @example
 * const r = new LogViewReader();
 * for (const chunk of chunks) { r.append(chunk); for (let v = r.next(); v !== undefined; v = r.next()) use(v); }
 * r.end(); for (let v = r.next(); v !== undefined; v = r.next()) use(v);
 */
export class LogViewReader {
  private readonly opts: LogViewReaderOptions;
  private readonly maxLineBytes: number;
  private readonly decodeText: (bytes: Uint8Array) => string;
  /** The bytes of an unfinished last line: `carryBuf[0, carryLength)`, grown by doubling. */
  private carryBuf: Uint8Array = EMPTY;
  private carryLength = 0;
  /** Skipping the rest of a line that went over `maxLineBytes`. */
  private skipping = false;
  private ended = false;
  /** Decoded complete lines, and where the next one starts. */
  private text = '';
  private pos = 0;
  /** The bytes `text` was decoded from (kept only when a character is not one byte, to find byte offsets). */
  private bytes: Uint8Array = EMPTY;
  private bytePos = 0;
  private oneBytePerChar = true;
  /** Absolute input offset of `text`'s first byte, and of the carry's. */
  private textBase = 0;
  private carryBase = 0;

  constructor(opts: LogViewReaderOptions = {}) {
    this.opts = opts;
    this.maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_PACKET_BYTES;
    this.decodeText = opts.decodeText ?? ((bytes) => decoder.decode(bytes));
  }

  /** Add the next chunk of input. Take every item (`next()` until `undefined`) before appending. */
  append(chunk: Uint8Array): void {
    if (this.ended) throw new Error('LogViewReader.append after end()');
    if (this.pos < this.text.length || this.queued !== undefined) throw new Error('LogViewReader.append before the previous chunk was read');
    if (chunk.length === 0) return;
    let start = 0;
    if (this.skipping) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        this.carryBase += chunk.length;
        return;
      }
      this.skipping = false;
      start = nl + 1;
      this.carryBase += start;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last < start) {
      this.addCarry(chunk.subarray(start));
      if (this.carryLength > this.maxLineBytes) this.skipLongLine();
      return;
    }
    if (this.carryLength > 0) {
      // The line cut by the previous chunk is decoded on its own (its carried bytes and this
      // chunk's first line), so that the rest of the chunk is decoded in place, not copied first.
      const first = chunk.indexOf(NEWLINE, start);
      this.addCarry(chunk.subarray(start, first + 1));
      const base = this.carryBase;
      this.setText(this.carryBuf.subarray(0, this.carryLength), base);
      this.carryBase = base + this.carryLength;
      this.carryLength = 0;
      start = first + 1;
      if (start <= last) {
        this.queued = this.segment(chunk.subarray(start, last + 1), this.carryBase);
        this.carryBase += last + 1 - start;
      }
    } else {
      this.setText(chunk.subarray(start, last + 1), this.carryBase);
      this.carryBase += last + 1 - start;
    }
    this.addCarry(chunk.subarray(last + 1));
  }

  /** No more input: an unfinished last line is read as it is. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.skipping || this.carryLength === 0) return;
    if (this.pos < this.text.length || this.queued !== undefined) throw new Error('LogViewReader.end before the previous chunk was read');
    this.setText(this.carryBuf.subarray(0, this.carryLength), this.carryBase);
    this.carryLength = 0;
  }

  /** The next record, a bad line, or `undefined` when the decoded input is used up. */
  next(): RecordView | LogLineError | undefined {
    if (this.pendingError !== undefined) {
      const e = this.pendingError;
      this.pendingError = undefined;
      return e;
    }
    if (this.pos >= this.text.length && this.queued !== undefined) {
      this.use(this.queued);
      this.queued = undefined;
    }
    const text = this.text;
    while (this.pos < text.length) {
      const start = this.pos;
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = text.length;
      this.pos = nl + 1;
      const lineOffset = this.lineOffset(start);
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      // As the line framer: the limit first (a trailing \r counted), then blank lines passed over.
      if (this.byteLength(start, nl) > this.maxLineBytes) {
        return { kind: 'error', error: new AuditError(AuditErrorCode.LIMIT, `line longer than ${this.maxLineBytes} bytes`, { offset: lineOffset, expected: this.maxLineBytes }) };
      }
      if (end === start || isBlank(text, start, end)) continue;
      try {
        return parseLogLineView(text, this.opts, start, end);
      } catch (e) {
        if (!isAuditError(e)) throw e;
        return lineError(text.slice(start, end), lineOffset, start, e);
      }
    }
    return this.queued === undefined ? undefined : this.next();
  }

  private addCarry(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const need = this.carryLength + bytes.length;
    if (need > this.carryBuf.length) {
      let size = Math.max(4096, this.carryBuf.length);
      while (size < need) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.carryBuf.subarray(0, this.carryLength));
      this.carryBuf = grown;
    }
    this.carryBuf.set(bytes, this.carryLength);
    this.carryLength = need;
  }

  private setText(bytes: Uint8Array, base: number): void {
    this.use(this.segment(bytes, base));
  }

  /** Decoded text and what is needed to give its lines' byte offsets (`bytes` is kept only as a copy). */
  private segment(bytes: Uint8Array, base: number): Segment {
    const text = this.decodeText(bytes);
    const oneBytePerChar = text.length === bytes.length;
    return { text, base, oneBytePerChar, bytes: oneBytePerChar ? EMPTY : bytes.slice() };
  }

  private use(seg: Segment): void {
    this.text = seg.text;
    this.pos = 0;
    this.textBase = seg.base;
    this.oneBytePerChar = seg.oneBytePerChar;
    this.bytes = seg.bytes;
    this.bytePos = 0;
  }

  /** Absolute byte offset of the line that starts at `text[start]` (lines are taken in order). */
  private lineOffset(start: number): number {
    if (this.oneBytePerChar) return this.textBase + start;
    const at = this.bytePos;
    const nl = this.bytes.indexOf(NEWLINE, at);
    this.bytePos = nl < 0 ? this.bytes.length : nl + 1;
    return this.textBase + at;
  }

  private byteLength(start: number, end: number): number {
    if (this.oneBytePerChar) return end - start;
    // Each UTF-16 unit is 1–3 bytes: only a line near the limit needs counting.
    if ((end - start) * 3 <= this.maxLineBytes) return end - start;
    return new TextEncoder().encode(this.text.slice(start, end)).length;
  }

  private skipLongLine(): void {
    const error = new AuditError(AuditErrorCode.LIMIT, `line longer than ${this.maxLineBytes} bytes`, { offset: this.carryBase, expected: this.maxLineBytes });
    this.carryBase += this.carryLength;
    this.carryLength = 0;
    this.skipping = true;
    this.pendingError = { kind: 'error', error };
    this.text = '';
    this.pos = 0;
  }

  /** The rest of a chunk, decoded, read after the line the previous chunk cut (`text`). */
  private queued: Segment | undefined = undefined;

  /** An error found while appending (a line over the limit), handed out by the next `next()`. */
  private pendingError: LogLineError | undefined = undefined;
}

interface Segment {
  readonly text: string;
  readonly base: number;
  readonly oneBytePerChar: boolean;
  readonly bytes: Uint8Array;
}

/**
 * The error for a line whose record did not parse (`e.offset` counts from `text[lineStart]`): as
 * `recordOfItem` reports it, at the line's offset plus the character offset in the line.
 */
function lineError(line: string, offset: number, lineStart: number, e: AuditError): LogLineError {
  let parts: LogLine;
  try {
    parts = parseLogLineParts(line, offset, 0);
  } catch (notALine) {
    // Not even `type=NAME msg=`: the error the log framer gives for such a line.
    if (isAuditError(notALine)) return { kind: 'error', error: notALine };
    throw notALine;
  }
  const error = e.offset >= 0 ? e.rebase(offset - lineStart, 'record') : new AuditError(AuditErrorCode.BAD_RECORD, e.message, { offset, path: 'record', cause: e });
  return { kind: 'error', error, line: parts };
}

function isBlank(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c > 0x20 && c !== 0xa0 && c < 0x1680) return false;
  return text.slice(start, end).trim() === '';
}
