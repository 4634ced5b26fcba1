import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = 'dist/cli/main.js';

/** Run the built bin with `input` on stdin; resolves with its exit code and outputs. */
function run(args: string[], input?: Buffer): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }));
    child.stdin.end(input);
  });
}

describe('the built bin (dist/cli/main.js)', () => {
  beforeAll(() => {
    // Build first; a failing build fails this suite (nothing is skipped).
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'pipe' });
    expect(existsSync(BIN)).toBe(true);
  }, 180_000);

  it('decode --format jsonl X.pcap | encode --format pcap gives X back byte for byte, through real pipes', async () => {
    const path = 'test/fixtures/captures/events.multicast.nsec.pcap';
    const d = await run(['decode', '--format', 'jsonl', path]);
    expect(d.stderr).toBe(''); // piped stderr: no progress
    expect(d.code).toBe(0);
    const e = await run(['encode', '--format', 'pcap'], d.stdout);
    expect(e.stderr).toBe('');
    expect(e.code).toBe(0);
    expect(e.stdout.equals(readFileSync(path))).toBe(true);
  });

  it('decode - reads standard input; a bad filter exits 2', async () => {
    const log = readFileSync('test/fixtures/vectors/records.log');
    const r = await run(['decode', '--format', 'log', '-'], log);
    expect(r.code).toBe(0);
    expect(r.stdout.equals(log)).toBe(true);
    const bad = await run(['decode', '--filter', 'nope=1', '-'], log);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('AUDIT_ERR_BAD_FILTER');
  });
});
