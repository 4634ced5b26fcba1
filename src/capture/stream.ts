import { detectPrefix } from './detect.js';
import { DEFAULT_MAX_PACKET_BYTES } from './framer.js';
import type { Framer } from './framer.js';
import { hexTranscriptFramer } from './hex-transcript.js';
import { logFramer } from './log.js';
import { PcapFramer } from './pcap.js';
import { PcapngFramer } from './pcapng.js';
import { RawFramer } from './raw.js';
import { straceFramer } from './strace.js';
import type { CaptureContainer, CaptureFormat, CaptureItem, CaptureReadOptions } from './types.js';

/**
 * The framer for `format` (exported for readers that know their format).
 *
 * @example createFramer('pcap').step(bytes, 0, true) // → { consumed: 24 } for the global header
 */
export function createFramer(format: CaptureFormat, opts: CaptureReadOptions = {}): Framer {
  const maxPacketBytes = opts.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES;
  const le = opts.littleEndian === undefined ? {} : { littleEndian: opts.littleEndian };
  switch (format) {
    case 'pcap':
      return new PcapFramer({ maxPacketBytes, ...le });
    case 'pcapng':
      return new PcapngFramer({ maxPacketBytes, ...le });
    case 'raw':
      return new RawFramer({ maxPacketBytes, ...le });
    case 'hex':
      return hexTranscriptFramer(opts.littleEndian ?? true, maxPacketBytes * 2 + 64);
    case 'strace':
      // strace's -x string form writes a byte as `\xNN`: a line may be four times the packet.
      return straceFramer(opts.littleEndian ?? true, maxPacketBytes * 4 + 4096, maxPacketBytes);
    case 'log':
      return logFramer(maxPacketBytes);
  }
}

/**
 * A pull-based reader for every capture format: `append` bytes as they arrive, `next()` until it
 * returns `undefined` (it needs more), and `end()` once the input is over so that a truncated last
 * packet is reported. Memory holds one packet (or line) plus one chunk: the buffer grows by
 * doubling and unread bytes are shifted to its front, never re-concatenated per chunk.
 *
 * @example
 * const r = new CaptureStreamReader();
 * r.append(chunk1); r.append(chunk2); r.end();
 * for (let item = r.next(); item !== undefined; item = r.next()) console.log(item.kind);
 */
export class CaptureStreamReader {
  private buf = new Uint8Array(0);
  private start = 0;
  private end_ = 0;
  /** Absolute input offset of `buf[start]`. */
  private base = 0;
  private ended = false;
  private framer: Framer | undefined;
  private format_: CaptureFormat | undefined;
  private readonly opts: CaptureReadOptions;

  constructor(opts: CaptureReadOptions = {}) {
    this.opts = opts;
    if (opts.format !== undefined) {
      this.format_ = opts.format;
      this.framer = createFramer(opts.format, opts);
    }
  }

  /** The format, once given or detected. */
  get format(): CaptureFormat | undefined {
    return this.format_;
  }

  /**
   * The container's own header once the reader has read it: for pcap the global header (byte
   * order, µs/ns, version, snap length, link type), for pcapng the sections (SHB byte order and
   * version, and each IDB's link type, snap length and timestamp resolution, growing as they are
   * read). `undefined` for text and raw formats, and before the header arrived.
   *
   * @example r.append(pcapBytes); r.next(); r.container // → { format: 'pcap', littleEndian: true, nanosecond: false, snapLen: 262144, linkType: 253, ... }
   */
  get container(): CaptureContainer | undefined {
    return this.framer?.container?.();
  }

  /** Bytes appended but not yet consumed. */
  bytesRemaining(): number {
    return this.end_ - this.start;
  }

  /** Size of the internal buffer: it stays near the largest packet plus one chunk, whatever the input size. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Bytes consumed so far (the absolute offset of the next unread byte). */
  get position(): number {
    return this.base;
  }

  /** True once `end()` was called and every item was taken. */
  get done(): boolean {
    return this.ended && this.bytesRemaining() === 0;
  }

  append(chunk: Uint8Array): void {
    if (this.ended) throw new Error('CaptureStreamReader.append after end()');
    if (chunk.length === 0) return;
    const live = this.end_ - this.start;
    if (this.end_ + chunk.length > this.buf.length) {
      if (live + chunk.length <= this.buf.length) {
        this.buf.copyWithin(0, this.start, this.end_);
      } else {
        let size = Math.max(4096, this.buf.length);
        while (size < live + chunk.length) size *= 2;
        const next = new Uint8Array(size);
        next.set(this.buf.subarray(this.start, this.end_));
        this.buf = next;
      }
      this.start = 0;
      this.end_ = live;
    }
    this.buf.set(chunk, this.end_);
    this.end_ += chunk.length;
  }

  /** No more input: what is left is read with that knowledge (a short last packet is truncated). */
  end(): void {
    this.ended = true;
  }

  /** The next item, or `undefined` when more input is needed (or, after `end()`, when done). */
  next(): CaptureItem | undefined {
    for (;;) {
      const view = this.buf.subarray(this.start, this.end_);
      if (this.framer === undefined) {
        const format = detectPrefix(view, this.ended);
        if (format === undefined) return undefined;
        this.format_ = format;
        this.framer = createFramer(format, this.opts);
      }
      const step = this.framer.step(view, this.base, this.ended);
      if (step === undefined) return undefined;
      this.start += step.consumed;
      this.base += step.consumed;
      if (this.start === this.end_) {
        this.start = 0;
        this.end_ = 0;
      }
      if (step.item !== undefined) return step.item;
    }
  }
}
