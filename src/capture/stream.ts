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
import { ReusedDatagramView } from './view.js';
import type { DatagramView } from './view.js';

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
 * Two ways to take items: `next()` returns items that own their bytes; `nextView()` returns, for
 * each audit datagram of a pcap or pcapng capture, one reused `DatagramView` into the reader's
 * buffer instead (no copy, no allocation per packet), and the same items as `next()` for the rest.
 * `appendBorrowed` reads a caller's bytes in place instead of copying them in.
 *
 * @example
 * const r = new CaptureStreamReader();
 * r.append(chunk1); r.append(chunk2); r.end();
 * for (let item = r.next(); item !== undefined; item = r.next()) console.log(item.kind);
 */
export class CaptureStreamReader {
  /** The reader's own buffer: what `append` writes into. */
  private own: Uint8Array = new Uint8Array(0);
  /** The bytes being read: `own`, or a caller's array lent by `appendBorrowed` (never written). */
  private buf: Uint8Array = this.own;
  private start = 0;
  private end_ = 0;
  /** Absolute input offset of `buf[start]`. */
  private base = 0;
  private ended = false;
  private framer: Framer | undefined;
  private format_: CaptureFormat | undefined;
  private readonly opts: CaptureReadOptions;
  private readonly view = new ReusedDatagramView();

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

  /**
   * Size of the reader's own buffer: it stays near the largest packet plus one chunk, whatever the
   * input size (bytes lent by `appendBorrowed` are not counted: they are the caller's).
   */
  get capacity(): number {
    return this.own.length;
  }

  /** Bytes consumed so far (the absolute offset of the next unread byte). */
  get position(): number {
    return this.base;
  }

  /** True once `end()` was called and every item was taken. */
  get done(): boolean {
    return this.ended && this.bytesRemaining() === 0;
  }

  /** More input: `chunk` is copied, so the caller may reuse it at once. */
  append(chunk: Uint8Array): void {
    if (this.ended) throw new Error('CaptureStreamReader.append after end()');
    if (chunk.length === 0) return;
    const live = this.end_ - this.start;
    // Lent bytes are never written to: the unread rest moves into the reader's own buffer first.
    if (this.buf !== this.own) this.adoptUnread(live + chunk.length);
    if (this.end_ + chunk.length > this.own.length) {
      if (live + chunk.length <= this.own.length) {
        this.own.copyWithin(0, this.start, this.end_);
      } else {
        this.own = this.grown(live + chunk.length);
      }
      this.buf = this.own;
      this.start = 0;
      this.end_ = live;
    }
    this.own.set(chunk, this.end_);
    this.end_ += chunk.length;
  }

  /**
   * More input, read in place when it can be: if the reader holds no unread bytes (always the case
   * for a whole input given at once), it reads `chunk` itself instead of copying it, and only
   * copies what is still unread of it when `append` is called later; otherwise this is `append`.
   * The reader never writes into `chunk`; the caller must not change it until the reader has
   * consumed it (`bytesRemaining()` is 0) or a later `append` has taken the rest. Items from
   * `next()` own their bytes either way; views from `nextView()` may point into `chunk`'s memory
   * (their `buffer` is then a `Uint8Array` over it, not `chunk` itself when that is a Node `Buffer`).
   *
   * @example const r = new CaptureStreamReader(); r.appendBorrowed(fileBytes); r.end();
   */
  appendBorrowed(chunk: Uint8Array): void {
    if (this.ended) throw new Error('CaptureStreamReader.appendBorrowed after end()');
    if (this.end_ > this.start || chunk.length === 0) {
      this.append(chunk);
      return;
    }
    // A plain Uint8Array over the same memory: the framers' `slice` must copy, and a Node
    // Buffer's `slice` (and `subarray`, through its species) would not be a plain array.
    this.buf = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    this.start = 0;
    this.end_ = chunk.length;
  }

  /** Copy the unread lent bytes into the reader's own buffer, with room for `need` bytes in all. */
  private adoptUnread(need: number): void {
    const live = this.end_ - this.start;
    if (need > this.own.length) this.own = this.grown(need);
    else this.own.set(this.buf.subarray(this.start, this.end_), 0);
    this.buf = this.own;
    this.start = 0;
    this.end_ = live;
  }

  /** A new own buffer of at least `need` bytes (doubling), holding the unread bytes at its front. */
  private grown(need: number): Uint8Array {
    let size = Math.max(4096, this.own.length);
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(this.start, this.end_));
    return next;
  }

  /** No more input: what is left is read with that knowledge (a short last packet is truncated). */
  end(): void {
    this.ended = true;
  }

  /** The next item, or `undefined` when more input is needed (or, after `end()`, when done). */
  next(): CaptureItem | undefined {
    const x = this.nextView();
    return x?.kind === 'view' ? { kind: 'datagram', datagram: x.toDatagram() } : x;
  }

  /**
   * Like `next()`, but an audit datagram of a pcap or pcapng capture comes as a `DatagramView`
   * (`kind: 'view'`) into the reader's buffer, not as a copy: the same object every time, valid
   * only until the next call of any method of this reader. `view.toDatagram()` is exactly the
   * datagram `next()` would have returned. Notices, errors, log lines and the datagrams of other
   * formats come as the items `next()` returns.
   *
   * @example
   * for (let x = r.nextView(); x !== undefined; x = r.nextView()) {
   *   if (x.kind === 'view') total += x.end - x.start;
   *   else if (x.kind === 'error') console.error(x.error.message);
   * }
   */
  nextView(): DatagramView | CaptureItem | undefined {
    for (;;) {
      let framer = this.framer;
      if (framer === undefined) {
        const format = detectPrefix(this.buf.subarray(this.start, this.end_), this.ended);
        if (format === undefined) return undefined;
        this.format_ = format;
        framer = this.framer = createFramer(format, this.opts);
      }
      const step =
        framer.stepView !== undefined
          ? framer.stepView(this.buf, this.start, this.end_, this.base, this.ended, this.view)
          : framer.step(this.buf.subarray(this.start, this.end_), this.base, this.ended);
      if (step === undefined) return undefined;
      const consumed = typeof step === 'number' ? step : step.consumed;
      this.start += consumed;
      this.base += consumed;
      if (this.start === this.end_) {
        this.start = 0;
        this.end_ = 0;
      }
      if (typeof step === 'number') return this.view;
      if (step.item !== undefined) return step.item;
    }
  }
}

/**
 * A reader over a whole capture in memory, reading `bytes` in place (`appendBorrowed`) and
 * already ended: call `nextView()` or `next()` until `undefined`. Leave `bytes` unchanged while
 * reading.
 *
 * @example
 * const r = wholeCaptureReader(readFileSync('events.pcap'));
 * for (let x = r.nextView(); x !== undefined; x = r.nextView()) if (x.kind === 'view') count++;
 */
export function wholeCaptureReader(bytes: Uint8Array, opts: CaptureReadOptions = {}): CaptureStreamReader {
  const r = new CaptureStreamReader(opts);
  r.appendBorrowed(bytes);
  r.end();
  return r;
}
