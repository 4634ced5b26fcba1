import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import type { FrameStep, Framer } from './framer.js';
import { LineFramer } from './lines.js';
import { straceBufferBytes, splitArgs } from './strace-args.js';
import { latin1 } from './text.js';
import { CALL_DIRECTION, CaptureNoticeCode } from './types.js';
import type { CaptureItem, CapturedDatagram, Direction } from './types.js';

/**
 * strace output of netlink traffic, as `strace -f -e trace=network -e write=all -e read=all`
 * writes it: a call line (`PID  sendto(3, {...}, 16, 0, ...) = 16`) followed by ` | 00000  10 00
 * ...` hex-dump lines holding every byte the call moved. A call is emitted when the next call
 * line (or the end) shows its dump is complete. Without dump lines, the buffer argument's string
 * form (`"\x10\x00..."`, or `-X raw` decoded headers) is used when it carries the whole buffer.
 * MSG_PEEK reads are the next read again: reported and skipped.
 */
/** Index of the flags argument, where MSG_PEEK shows. */
const FLAGS_ARG: Readonly<Record<string, number>> = { recvfrom: 3, recv: 3, recvmsg: 2 };
const MSG_PEEK = 2;

const CALL_LINE = /^(?:\[pid\s+\d+\]\s+|\d+\s+)?(?:\d\d:\d\d:\d\d(?:\.\d+)?\s+|(\d+)(?:\.(\d{1,9}))?\s+)?(?:<\.\.\. ([a-z0-9_]+) resumed>|([a-z0-9_]+)\()(.*)$/;
/** `sendmsg`/`recvmsg` dumps announce each iovec buffer; its dump restarts at offset 0. */
const IOV_LINE = /^\s*\* \d+ bytes in buffer \d+/;
const RESULT = /\)\s*=\s*(-?\d+)(?:\s.*)?$/;
const DUMP_LINE = /^\s*\|\s*([0-9a-f]{5,8})\s\s(.*)$/;

interface Pending {
  readonly offset: number;
  readonly call: string;
  readonly direction: Direction;
  readonly peek: boolean;
  readonly result: number;
  readonly fromString: Uint8Array | undefined;
  dump: number[];
  /** Where the current iovec buffer's dump starts in `dump`. */
  bufferStart: number;
  /** From `strace -ttt` (epoch seconds): the call's time. */
  readonly timestampNs: bigint | undefined;
}

/** Calls left `<unfinished ...>` that are remembered at once (one per thread and call is the norm). */
const MAX_UNFINISHED_CALLS = 4096;

class StraceFramer implements Framer {
  private pending: Pending | undefined;
  private index = 0;
  /** A call that was `<unfinished ...>`: its arguments, kept until the `resumed` line. */
  private readonly unfinished = new Map<string, string>();
  private readonly lines: LineFramer;
  private readonly littleEndian: boolean;
  /** Largest buffer one call's dump may hold: the capture's maxPacketBytes. */
  private readonly maxDumpBytes: number;

  constructor(littleEndian: boolean, maxLineBytes: number, maxDumpBytes: number = maxLineBytes) {
    this.littleEndian = littleEndian;
    this.maxDumpBytes = maxDumpBytes;
    this.lines = new LineFramer((bytes, offset) => this.line(latin1(bytes), offset), maxLineBytes);
  }

  step(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
    const s = this.lines.step(view, base, ended);
    if (s !== undefined || !ended || view.length > 0 || this.pending === undefined) return s;
    const item = this.flush();
    return item === undefined ? undefined : { consumed: 0, item };
  }

  private line(text: string, offset: number): CaptureItem | undefined {
    if (IOV_LINE.test(text)) {
      if (this.pending !== undefined) this.pending.bufferStart = this.pending.dump.length;
      return undefined;
    }
    const dump = DUMP_LINE.exec(text);
    if (dump !== null) {
      const p = this.pending;
      if (p === undefined) return undefined;
      const at = parseInt(dump[1]!, 16);
      if (at !== p.dump.length - p.bufferStart) {
        this.pending = undefined;
        throw new AuditError(AuditErrorCode.BAD_CAPTURE, `strace dump line at 0x${at.toString(16)}, expected 0x${p.dump.length.toString(16)}`, { offset });
      }
      if (p.dump.length - p.bufferStart >= this.maxDumpBytes) {
        this.pending = undefined;
        throw new AuditError(AuditErrorCode.LIMIT, `strace dump of ${p.call} over maxPacketBytes ${this.maxDumpBytes}`, {
          offset: p.offset,
          expected: this.maxDumpBytes,
        });
      }
      // Columns: 16 bytes as "xx " with one extra space after the eighth, then the ASCII column.
      const hexPart = dump[2]!.slice(0, 49);
      for (const h of hexPart.match(/[0-9a-f]{2}/g) ?? []) p.dump.push(parseInt(h, 16));
      return undefined;
    }
    const prev = this.flush();
    const call = CALL_LINE.exec(text.trim());
    if (call !== null) this.startCall(call, text, offset);
    return prev;
  }

  private startCall(m: RegExpExecArray, text: string, offset: number): void {
    const pid = /^(?:\[pid\s+)?(\d+)/.exec(text.trim())?.[1] ?? '';
    let name = m[4];
    let rest = m[5]!;
    if (m[3] !== undefined) {
      name = m[3];
      rest = (this.unfinished.get(`${pid}:${name}`) ?? '') + rest;
      this.unfinished.delete(`${pid}:${name}`);
    }
    if (name === undefined) return;
    if (rest.endsWith('<unfinished ...>')) {
      // A call is unfinished per thread at most once at a time; a capture that never resumes
      // thousands of them is corrupt, so the oldest is forgotten (its resumed line, if it ever
      // comes, then lacks the first arguments and yields a no-bytes notice).
      if (this.unfinished.size >= MAX_UNFINISHED_CALLS) this.unfinished.delete(this.unfinished.keys().next().value!);
      this.unfinished.set(`${pid}:${name}`, rest.slice(0, -'<unfinished ...>'.length));
      return;
    }
    const direction = CALL_DIRECTION[name];
    const result = RESULT.exec(rest);
    if (direction === undefined || result === null) return;
    const n = Number(result[1]);
    if (n < 0) return;
    const args = splitArgs(rest.slice(0, rest.lastIndexOf(')')));
    const flagsAt = FLAGS_ARG[name];
    const flags = flagsAt === undefined ? '' : (args[flagsAt] ?? '');
    const peek = flags.includes('MSG_PEEK') || (/^0x[0-9a-f]+$|^\d+$/.test(flags) && (Number(flags) & MSG_PEEK) !== 0);
    const bufArg = name === 'sendmsg' || name === 'recvmsg' ? undefined : args[1];
    this.pending = {
      offset,
      call: name,
      direction,
      peek,
      result: n,
      fromString: bufArg === undefined ? undefined : straceBufferBytes(bufArg, this.littleEndian),
      dump: [],
      bufferStart: 0,
      timestampNs: m[1] === undefined ? undefined : BigInt(m[1]) * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0')),
    };
  }

  private flush(): CaptureItem | undefined {
    const p = this.pending;
    if (p === undefined) return undefined;
    this.pending = undefined;
    if (p.peek) return { kind: 'notice', notice: { code: CaptureNoticeCode.PEEK, offset: p.offset, message: `MSG_PEEK ${p.call} skipped` } };
    let bytes: Uint8Array | undefined;
    if (p.dump.length > 0) bytes = Uint8Array.from(p.dump.slice(0, p.result));
    else if (p.fromString !== undefined && p.fromString.length === p.result) bytes = p.fromString;
    if (bytes === undefined) {
      return { kind: 'notice', notice: { code: CaptureNoticeCode.NO_BYTES, offset: p.offset, message: `${p.call} of ${p.result} bytes without a complete dump` } };
    }
    if (bytes.length < p.result) {
      const error = new AuditError(AuditErrorCode.TRUNCATED, `${p.call} moved ${p.result} bytes, the dump shows ${bytes.length}`, {
        offset: p.offset,
        expected: p.result,
        actual: bytes.length,
      });
      return { kind: 'error', error };
    }
    const datagram: CapturedDatagram = {
      bytes,
      index: this.index++,
      offset: p.offset,
      littleEndian: this.littleEndian,
      direction: p.direction,
      ...(p.timestampNs === undefined ? {} : { timestampNs: p.timestampNs }),
    };
    return { kind: 'datagram', datagram };
  }
}

export function straceFramer(littleEndian: boolean, maxLineBytes: number, maxDumpBytes: number = maxLineBytes): Framer {
  return new StraceFramer(littleEndian, maxLineBytes, maxDumpBytes);
}
