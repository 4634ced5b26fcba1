import { createReadStream } from 'node:fs';
import { AuditError, AuditErrorCode } from '../bytes/errors.js';
import type { CaptureFormat } from '../capture/types.js';
import { readCaptureStream } from './capture.js';
import type { ByteSource, CaptureInput, StreamReadOptions } from './capture.js';

/** The `--input-format` values, in the order docs/captures.md lists them. */
export const INPUT_FORMATS: readonly CaptureFormat[] = ['pcap', 'pcapng', 'strace', 'hex', 'raw', 'log'];

/**
 * Check an `--input-format` value (before any input is read).
 *
 * @example parseInputFormat('pcapng') // → 'pcapng'
 */
export function parseInputFormat(v: string | undefined): CaptureFormat | undefined {
  if (v === undefined) return undefined;
  if (!(INPUT_FORMATS as readonly string[]).includes(v)) {
    throw new AuditError(AuditErrorCode.UNKNOWN_FORMAT, `--input-format ${JSON.stringify(v)} is not one of ${INPUT_FORMATS.join(', ')}`);
  }
  return v as CaptureFormat;
}

/**
 * Check a `--byte-order le|be` value: `true` for little-endian, `undefined` when not given.
 *
 * @example parseByteOrder('be') // → false
 */
export function parseByteOrder(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v !== 'le' && v !== 'be') throw new AuditError(AuditErrorCode.BAD_VALUE, `--byte-order ${JSON.stringify(v)} is not le or be`);
  return v === 'le';
}

/**
 * The items of a file argument, `-` being `stdin`: a streamed read in 64 KiB chunks, with the
 * input's `format` and `container` header once read (see `CaptureInput`).
 *
 * @example
 * const input = openInput('dump.pcap', process.stdin);
 * for await (const item of input) console.log(item.kind, input.container);
 */
export function openInput(path: string, stdin: NodeJS.ReadableStream, opts: StreamReadOptions = {}): CaptureInput {
  const source = path === '-' ? stdin : createReadStream(path, { highWaterMark: 64 * 1024 });
  return readCaptureStream(source as unknown as ByteSource, opts);
}
