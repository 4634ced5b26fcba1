import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CaptureStreamReader } from '../capture/stream.js';
import type { CaptureContainer, CaptureFormat, CaptureItem, CaptureReadOptions } from '../capture/types.js';

/** Anything that yields byte chunks: a Node Readable, `process.stdin`, an async generator. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

export interface StreamReadOptions extends CaptureReadOptions {
  /** Called after each chunk with the bytes read so far (for progress displays). */
  readonly onProgress?: (bytesRead: number) => void;
  /** Called once the format is known (given or detected). */
  readonly onFormat?: (format: CaptureFormat) => void;
}

/**
 * The items of a capture being read, and what the reader has learnt of the input so far: its
 * format and its container header (`CaptureStreamReader.container`), both known by the time the
 * first item arrives.
 */
export interface CaptureInput extends AsyncGenerator<CaptureItem> {
  readonly format: CaptureFormat | undefined;
  readonly container: CaptureContainer | undefined;
  /** Bytes read from the source so far. */
  readonly bytesRead: number;
}

/**
 * Read a capture from a stream of chunks, holding only one chunk and one packet at a time.
 *
 * @example
 * const input = readCaptureStream(process.stdin);
 * for await (const item of input) if (item.kind === 'datagram') use(item.datagram, input.container);
 */
export function readCaptureStream(source: ByteSource, opts: StreamReadOptions = {}): CaptureInput {
  const reader = new CaptureStreamReader(opts);
  const state = { bytesRead: 0 };
  const items = pump(reader, source, opts, state);
  return Object.defineProperties(items, {
    format: { get: () => reader.format },
    container: { get: () => reader.container },
    bytesRead: { get: () => state.bytesRead },
  }) as CaptureInput;
}

async function* pump(reader: CaptureStreamReader, source: ByteSource, opts: StreamReadOptions, state: { bytesRead: number }): AsyncGenerator<CaptureItem> {
  let bytesRead = 0;
  let told = false;
  const tell = (): void => {
    if (!told && reader.format !== undefined) {
      told = true;
      opts.onFormat?.(reader.format);
    }
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    reader.append(bytes);
    bytesRead += bytes.length;
    state.bytesRead = bytesRead;
    opts.onProgress?.(bytesRead);
    for (let item = reader.next(); item !== undefined; item = reader.next()) {
      tell();
      yield item;
    }
  }
  reader.end();
  for (let item = reader.next(); item !== undefined; item = reader.next()) {
    tell();
    yield item;
  }
}

/**
 * Read a capture file in 64 KiB chunks (`-` reads standard input).
 *
 * @example for await (const item of readCaptureFile('audit.pcapng')) console.log(item.kind);
 */
export function readCaptureFile(path: string, opts: StreamReadOptions = {}): CaptureInput {
  const source = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 64 * 1024 });
  return readCaptureStream(source as AsyncIterable<Uint8Array>, opts);
}

/**
 * Size of a regular file, or `undefined` for standard input and pipes (progress shows bytes only).
 *
 * @example await inputSize('-') // → undefined
 */
export async function inputSize(path: string): Promise<number | undefined> {
  if (path === '-') return undefined;
  const s = await stat(path);
  return s.isFile() ? s.size : undefined;
}
