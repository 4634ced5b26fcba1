import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** A captured output stream; `isTTY` can be set to pretend it is a terminal. */
export class Sink extends Writable {
  chunks: Buffer[] = [];
  isTTY?: boolean;
  constructor(isTTY?: boolean) {
    super();
    if (isTTY !== undefined) this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _enc: string, done: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    done();
  }
  get bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString();
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Standard output as bytes (pcap, pcapng, raw). */
  bytes: Uint8Array;
}

/** Run the CLI in-process; `stdin` is what `-` reads (given as chunks when an array). */
export async function runCli(argv: string[], stdin: string | Uint8Array | readonly (string | Uint8Array)[] = '', opts: { stderrTTY?: boolean; stdin?: Readable } = {}): Promise<CliResult> {
  const stdout = new Sink();
  const stderr = new Sink(opts.stderrTTY);
  const chunks = Array.isArray(stdin) ? stdin.map((c) => Buffer.from(c)) : [Buffer.from(stdin as string | Uint8Array)];
  const code = await main(argv, { stdout, stderr, stdin: opts.stdin ?? Readable.from(chunks) });
  return { code, stdout: stdout.text, stderr: stderr.text, bytes: stdout.bytes };
}
