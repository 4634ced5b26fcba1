/**
 * The C peer: /work/shared/tools/auparse-bench.c (libauparse, the parser behind ausearch/aureport),
 * compiled into bench/.peer/ on first use. It parses FILE N times, walking every field of every
 * record of every event (auparse_next_event / next_record / next_field, auparse_get_field_str, or
 * auparse_interpret_field in `interp` mode), and prints
 * `R records, F fields in S s = X records/s (raw|interpreted)`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from './corpus/files.js';

/** Where the peer's source is looked for: $AUPARSE_BENCH_SRC, ../shared/tools, /work/shared/tools. */
function peerSource(): string | undefined {
  const root = join(benchDir(), '..');
  const candidates = [process.env.AUPARSE_BENCH_SRC, join(root, '..', 'shared', 'tools', 'auparse-bench.c'), '/work/shared/tools/auparse-bench.c'];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
}

export function peerPath(): string {
  return join(benchDir(), '.peer', 'auparse-bench');
}

/** Build the peer if missing; the reason it cannot be built otherwise. */
export function ensurePeer(): { path: string } | { error: string } {
  const path = peerPath();
  if (existsSync(path)) return { path };
  const src = peerSource();
  if (src === undefined) return { error: 'auparse-bench.c not found (set AUPARSE_BENCH_SRC)' };
  mkdirSync(join(benchDir(), '.peer'), { recursive: true });
  const r = spawnSync('gcc', ['-O2', '-Wall', '-o', path, src, '-lauparse', '-laudit'], { encoding: 'utf8' });
  if (r.status !== 0) return { error: `gcc failed (need libauparse-dev libaudit-dev): ${(r.stderr || String(r.error ?? '')).trim()}` };
  return { path };
}

export interface PeerResult {
  records: number;
  fields: number;
  seconds: number;
  passes: number;
  maxRssKB?: number;
}

const OUT = /(\d+) records, (\d+) fields in ([\d.]+) s/;

/** Run the peer `passes` times over `file` (one process), with its peak RSS when /usr/bin/time exists. */
export function runPeer(peer: string, file: string, passes: number, interp: boolean): PeerResult {
  const args = [file, String(passes), ...(interp ? ['interp'] : [])];
  const useTime = existsSync('/usr/bin/time');
  const out = useTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', peer, ...args], { encoding: 'utf8' })
    : spawnSync(peer, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`peer failed: ${out.stderr}`);
  const m = OUT.exec(out.stdout);
  if (m === null) throw new Error(`unexpected peer output: ${out.stdout}`);
  const rss = /maxrss=(\d+)/.exec(out.stderr ?? '');
  return {
    records: Number(m[1]) / passes,
    fields: Number(m[2]) / passes,
    seconds: Number(m[3]),
    passes,
    ...(rss !== null ? { maxRssKB: Number(rss[1]) } : {}),
  };
}

/** Passes so that one peer run lasts about `seconds` (from a one-pass calibration run). */
export function calibratePeer(peer: string, file: string, interp: boolean, seconds: number): number {
  const one = runPeer(peer, file, 1, interp);
  return Math.max(1, Math.min(1000, Math.ceil(seconds / Math.max(one.seconds, 1e-3))));
}

export function peerVersion(): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'libauparse0t64'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    try {
      return execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'libauparse0'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  }
}
