/** Fixture files of test/fixtures/fuzz/: one contract-breaking input each, as written by fuzz/run.ts. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex, toHex } from '../../src/bytes/hex.js';
import type { Violation } from './targets.js';

export interface FuzzFixture {
  readonly target: string;
  /** The input, lower-case hex. */
  readonly hex: string;
  /** The mutation that produced it (before shrinking), or `hand` for hand-made minimal inputs. */
  readonly mutation: string;
  /** What broke the contract when it was found. */
  readonly escaped: { readonly kind: string; readonly message: string; readonly stack?: string };
  readonly seed?: number;
  readonly case?: number;
  readonly found: string;
}

export const FIXTURE_DIR = 'test/fixtures/fuzz';

export function listFixtures(root: string): { file: string; fixture: FuzzFixture; bytes: Uint8Array }[] {
  const dir = join(root, FIXTURE_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((file) => {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FuzzFixture;
    return { file, fixture, bytes: fromHex(fixture.hex) };
  });
}

/** FNV-1a of the bytes, for stable file names. */
export function digest(b: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export function writeFixture(root: string, target: string, bytes: Uint8Array, mutation: string, v: Violation, seed?: number, caseNo?: number): string {
  const file = `${target}.${digest(bytes)}.json`;
  const fixture: FuzzFixture = {
    target,
    hex: toHex(bytes),
    mutation,
    escaped: { kind: v.kind, message: v.message, ...(v.stack === undefined ? {} : { stack: v.stack }) },
    ...(seed === undefined ? {} : { seed }),
    ...(caseNo === undefined ? {} : { case: caseNo }),
    found: new Date().toISOString(),
  };
  writeFileSync(join(root, FIXTURE_DIR, file), `${JSON.stringify(fixture, null, 2)}\n`);
  return file;
}
