import type { CapturedDatagram } from './types.js';

/**
 * A datagram of a pcap or pcapng capture, read in place: where it lies in the reader's buffer and
 * what the container says about it, as plain numbers. `CaptureStreamReader.nextView()` returns the
 * same object for every datagram and overwrites it on its next call, so nothing is allocated per
 * packet; `toDatagram()` makes the copy that `next()` returns, to keep one.
 *
 * **Borrowed**: `buffer` is the reader's buffer (or the caller's own bytes, read in place), and the
 * view is valid only until the next call of any method of the reader that returned it (`next`,
 * `nextView`, `append`, `appendBorrowed`, `end`).
 *
 * @example
 * for (let x = r.nextView(); x !== undefined; x = r.nextView()) {
 *   if (x.kind !== 'view') continue;            // a notice, an error, a log line: the ordinary item
 *   const type = x.buffer[x.start + 4]! | (x.buffer[x.start + 5]! << 8); // nlmsg_type (little-endian)
 * }
 */
export interface DatagramView {
  readonly kind: 'view';
  /** The bytes the datagram lies in; the datagram is `buffer[start, end)`, link-layer header stripped. */
  readonly buffer: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** Absolute input offset of `buffer[start]` (`CapturedDatagram.offset`). */
  readonly offset: number;
  /** Ordinal of this packet in the input, from 0 (`CapturedDatagram.index`). */
  readonly index: number;
  /** Byte order of the netlink messages (the container's, unless the reader was told otherwise). */
  readonly littleEndian: boolean;
  /** LINKTYPE_* of the packet (253 NETLINK, 113 LINUX_SLL, 276 LINUX_SLL2). */
  readonly linkType: number;
  /** Netlink family from the pseudo-header: always NETLINK_AUDIT (9), other families are notices. */
  readonly family: number;
  /** Length of the link-layer pseudo-header, which is `buffer[start - linkHeaderLength, start)`. */
  readonly linkHeaderLength: number;
  /**
   * Capture time: whole seconds since the epoch (floored) and nanoseconds within the second
   * (0 ≤ ns < 10^9); `undefined` for a pcapng Simple Packet Block, which has none. Exact for every
   * time whose seconds are a safe integer; `toDatagram().timestampNs` is exact always.
   */
  readonly timestampSec: number | undefined;
  readonly timestampNsec: number | undefined;
  /** Length on the wire when the capture cut the packet, else `undefined`. */
  readonly originalLength: number | undefined;
  /** pcapng interface id (`undefined` for pcap). */
  readonly interfaceId: number | undefined;
  /** `buffer.subarray(start, end)`: borrowed like the view itself. */
  bytesView(): Uint8Array;
  /** The datagram as `next()` returns it: copies of the bytes and link header, exact `bigint` time. */
  toDatagram(): CapturedDatagram;
}

const EMPTY = new Uint8Array(0);
const NS_PER_SECOND = 1_000_000_000n;

/**
 * A copy of `bytes[start, end)` in a plain `Uint8Array`, whatever `bytes` is: `slice` of a Node
 * `Buffer` is a view into it, not a copy.
 */
function copyOf(bytes: Uint8Array, start: number, end: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(end - start);
  out.set(new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start));
  return out;
}

/**
 * The one object a reader (or a framer) fills for each datagram. Framers write its fields
 * directly: the link layer's part in `packetView`, the container's part in the framer.
 */
export class ReusedDatagramView implements DatagramView {
  readonly kind = 'view' as const;
  buffer: Uint8Array = EMPTY;
  start = 0;
  end = 0;
  offset = 0;
  index = 0;
  littleEndian = true;
  linkType = 0;
  family = 0;
  linkHeaderLength = 0;
  originalLength: number | undefined = undefined;
  interfaceId: number | undefined = undefined;
  /**
   * The time, in fields that only ever hold numbers: V8 then keeps them unboxed (a store writes the
   * number in place), where a field that may hold `undefined` boxes every non-Smi number it is given.
   */
  private sec = 0;
  private nsec = 0;
  private timed = false;
  /** The exact time when the seconds are too large for a safe integer (exotic pcapng resolutions and offsets). */
  private exactNs: bigint | undefined = undefined;

  get timestampSec(): number | undefined {
    return this.timed ? this.sec : undefined;
  }

  get timestampNsec(): number | undefined {
    return this.timed ? this.nsec : undefined;
  }

  bytesView(): Uint8Array {
    return this.buffer.subarray(this.start, this.end);
  }

  /** An exact time that fits the numbers: seconds (a safe integer) and nanoseconds. */
  setTime(sec: number, nsec: number): void {
    this.sec = sec;
    this.nsec = nsec;
    this.timed = true;
    this.exactNs = undefined;
  }

  /** Any time, exact: the numbers are rounded when the seconds do not fit a safe integer. */
  setExactTime(ns: bigint): void {
    const sec = ns >= 0n ? ns / NS_PER_SECOND : -((-ns + NS_PER_SECOND - 1n) / NS_PER_SECOND);
    this.sec = Number(sec);
    this.nsec = Number(ns - sec * NS_PER_SECOND);
    this.timed = true;
    this.exactNs = ns;
  }

  /** Let go of the buffer (a framer's scratch view must not keep the caller's bytes alive). */
  release(): void {
    this.buffer = EMPTY;
  }

  clearTime(): void {
    this.timed = false;
    this.exactNs = undefined;
  }

  toDatagram(): CapturedDatagram {
    const { buffer, start } = this;
    // The key order of the datagrams the reader has always returned (JSON output follows it).
    const datagram: { -readonly [K in keyof CapturedDatagram]: CapturedDatagram[K] } = {
      bytes: copyOf(buffer, start, this.end),
      index: this.index,
      offset: this.offset,
      littleEndian: this.littleEndian,
      linkType: this.linkType,
      linkHeader: copyOf(buffer, start - this.linkHeaderLength, start),
      family: this.family,
    };
    const ns = this.timestampNs();
    if (ns !== undefined) datagram.timestampNs = ns;
    if (this.originalLength !== undefined) datagram.originalLength = this.originalLength;
    if (this.interfaceId !== undefined) datagram.interfaceId = this.interfaceId;
    return datagram;
  }

  private timestampNs(): bigint | undefined {
    if (!this.timed) return undefined;
    return this.exactNs ?? BigInt(this.sec) * NS_PER_SECOND + BigInt(this.nsec);
  }
}
