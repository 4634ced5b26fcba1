import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Run the CLI in-process; `stdin` is what `-` reads. */
export async function runCli(argv: string[], stdin: string | Uint8Array = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
