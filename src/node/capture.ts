import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CaptureStreamReader } from '../capture/stream.js';
import type { CaptureFormat, CaptureItem, CaptureReadOptions } from '../capture/types.js';

/** Anything that yields byte chunks: a Node Readable, `process.stdin`, an async generator. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

export interface StreamReadOptions extends CaptureReadOptions {
  /** Called after each chunk with the bytes read so far (for progress displays). */
  readonly onProgress?: (bytesRead: number) => void;
  /** Called once the format is known (given or detected). */
  readonly onFormat?: (format: CaptureFormat) => void;
}

/**
 * Read a capture from a stream of chunks, holding only one chunk and one packet at a time.
 *
 * @example
 * for await (const item of readCaptureStream(process.stdin)) if (item.kind === 'datagram') use(item.datagram);
 */
export async function* readCaptureStream(source: ByteSource, opts: StreamReadOptions = {}): AsyncGenerator<CaptureItem> {
  const reader = new CaptureStreamReader(opts);
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
export function readCaptureFile(path: string, opts: StreamReadOptions = {}): AsyncGenerator<CaptureItem> {
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
