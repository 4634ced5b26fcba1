/**
 * Corpus files under bench/.corpus/ (git-ignored), generated on demand and reused: the name holds
 * every parameter and the generator version, so a changed generator never reuses a stale file.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditLogChunks } from './auditlog.js';
import type { Shape } from './events.js';
import { pcapChunks } from './pcap.js';
import { statusReplies } from './status.js';
import { ruleLines } from './rules.js';

/** Bump when any generator's output changes. */
export const GENERATOR_VERSION = 2;

/** The bench/ directory, whether running from bench/*.ts (vitest) or bench/.dist/**.js. */
export function benchDir(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(d, 'tsconfig.json')) || !d.endsWith('bench')) {
    const up = dirname(d);
    if (up === d) throw new Error('bench/ directory not found');
    d = up;
  }
  return d;
}

export function corpusDir(): string {
  const d = join(benchDir(), '.corpus');
  mkdirSync(d, { recursive: true });
  return d;
}

function writeAtomically(path: string, chunks: Iterable<string | Uint8Array>): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    for (const c of chunks) writeSync(fd, typeof c === 'string' ? Buffer.from(c, 'latin1') : c);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function sizeLabel(bytes: number): string {
  if (bytes % (1 << 30) === 0) return `${bytes / (1 << 30)}GB`;
  if (bytes % (1 << 20) === 0) return `${bytes / (1 << 20)}MB`;
  return `${bytes}B`;
}

export function ensureAuditLog(opts: { seed: number; shape: Shape; sizeBytes: number; enriched?: boolean }, dir = corpusDir()): string {
  const path = join(dir, `v${GENERATOR_VERSION}-log-${opts.shape}${opts.enriched === true ? '-enriched' : ''}-s${opts.seed}-${sizeLabel(opts.sizeBytes)}.log`);
  if (!existsSync(path)) writeAtomically(path, auditLogChunks(opts));
  return path;
}

export function ensurePcap(opts: { seed: number; shape: Shape; sizeBytes: number }, dir = corpusDir()): string {
  const path = join(dir, `v${GENERATOR_VERSION}-pcap-${opts.shape}-s${opts.seed}-${sizeLabel(opts.sizeBytes)}.pcap`);
  if (!existsSync(path)) writeAtomically(path, pcapChunks(opts));
  return path;
}

export function ensureStatus(opts: { seed: number; count: number }, dir = corpusDir()): string {
  const path = join(dir, `v${GENERATOR_VERSION}-status-s${opts.seed}-${opts.count}.bin`);
  if (!existsSync(path)) writeAtomically(path, [statusReplies(opts.seed, opts.count)]);
  return path;
}

export function ensureRules(opts: { seed: number; count: number }, dir = corpusDir()): string {
  const path = join(dir, `v${GENERATOR_VERSION}-rules-s${opts.seed}-${opts.count}.txt`);
  if (!existsSync(path)) writeAtomically(path, [ruleLines(opts.seed, opts.count).join('\n') + '\n']);
  return path;
}
