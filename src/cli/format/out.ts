import { once } from 'node:events';

/**
 * Buffered output that respects back-pressure: writes are gathered up to `chunkBytes` and then
 * handed to the stream, waiting for `drain` when the stream says it is full, so that a long
 * decode into a slow pipe holds at most one chunk in memory.
 *
 * @example
 * const out = new Output(io.stdout);
 * await out.write('line\n');
 * await out.flush();
 */
export class Output {
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly enc = new TextEncoder();

  private readonly stream: NodeJS.WritableStream;
  private readonly chunkBytes: number;

  constructor(stream: NodeJS.WritableStream, chunkBytes = 64 * 1024) {
    this.stream = stream;
    this.chunkBytes = chunkBytes;
  }

  /** Queue text (UTF-8) or bytes; flushes when a chunk is full. */
  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? this.enc.encode(data) : data;
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= this.chunkBytes) await this.flush();
  }

  /** Hand everything queued to the stream (and wait for `drain` if it asks to). */
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/**
 * The lines of a byte stream, one at a time (without `\n`; a `\r` before it is kept), holding
 * one chunk and one line in memory.
 *
 * @example for await (const { text, lineNo } of readLines(process.stdin)) ...
 */
export async function* readLines(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<{ text: string; lineNo: number }> {
  const dec = new TextDecoder();
  let rest = '';
  let lineNo = 0;
  for await (const chunk of source) {
    rest += typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
    let nl = rest.indexOf('\n');
    let start = 0;
    while (nl >= 0) {
      yield { text: rest.slice(start, nl), lineNo: ++lineNo };
      start = nl + 1;
      nl = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  rest += dec.decode();
  if (rest !== '') yield { text: rest, lineNo: ++lineNo };
}
