/**
 * npm run bench [-- --size 16MB --runs 3 --cases REGEX --seed 1 --rss-gb 1 --seconds 1.5 --cpu-prof]
 *
 * Generates the corpora (bench/.corpus/, reused across runs), builds the C peer (bench/.peer/),
 * then runs every selected case `--runs` times, each measurement in its own child process, the
 * peer's run on the same file right beside it, and prints medians with the ratio to the peer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, ensureAuditLog, ensurePcap, ensureRules, ensureStatus, sizeLabel } from './corpus/files.js';
import type { Shape } from './corpus/events.js';
import { calibratePeer, ensurePeer, peerVersion, runPeer, type PeerResult } from './peer.js';
import type { Units } from './cases.js';
import { median, parseSize, si } from './util.js';
import { distDir, repoRoot } from './lib.js';

const USAGE = `usage: npm run bench -- [options]
  --size SIZE      audit.log and pcap corpus size (default 16MB; e.g. 4MB for a quick look)
  --runs N         measurements per case; the table shows medians (default 3)
  --seconds S      minimum timed duration of each measurement (default 1.5)
  --cases REGEX    only cases whose id matches (e.g. 'text', 'pcap|status', 'text-fields/dense')
  --seed N         corpus seed (default 1)
  --rss-gb N       also stream an N GB capture and report its peak RSS (target: 1 GB < 150 MB)
  --stats-size SIZE  also run \`stats\` on corpora this big, where start-up weighs less (default 8 × --size; 0: no)
  --enriched       use ENRICHED audit.log corpora (0x1D suffix)
  --cpu-prof       write a V8 CPU profile of each Node measurement to bench/.prof/
  --json FILE      also write every measurement as JSON
  --list           list the case ids and exit
  -h, --help
`;

type Metric = 'records/s' | 'MB/s' | 'ops/s' | 'RSS MB';

interface CaseDef {
  id: string;
  child: string;
  file: () => string;
  metric: Metric;
  /** Peer mode for side-by-side runs, if the peer does the same work. */
  peer?: 'raw' | 'interp';
  /** Target as text and a check on (value, ratio). */
  target?: string;
  met?: (value: number, ratio: number | undefined) => boolean;
  /** Run the `stats` CLI as a whole process instead of a child case. */
  cli?: boolean;
}

interface Measured {
  id: string;
  value?: number;
  peer?: number;
  ratio?: number;
  extra?: string;
  note?: string;
  na?: string;
  warn?: string[];
  /** Peak RSS of the peer process (from /usr/bin/time). */
  peerRssMB?: number;
  /** 1-minute load average when the case started: how noisy its figures are. */
  load?: number;
  samples: { node: number[]; peer: number[]; ratio: number[] };
}

/** The V8 flags of the CLI's shebang (src/cli/main.ts): the CLI-shaped cases run with them. */
const CLI_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

function child(spec: { case: string; file: string; seconds: number }, prof: string | undefined): { ok: boolean; units?: Units; perPass?: Units; seconds?: number; passes?: number; maxRssKB?: number; note?: string; missing?: string; error?: string } {
  const flags = spec.case.startsWith('rss') ? CLI_NODE_FLAGS : [];
  const args = [...flags, ...(prof !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${join(benchDir(), '.prof')}`, `--cpu-prof-name=${prof}.cpuprofile`] : []), join(benchDir(), '.dist', 'child.js'), JSON.stringify(spec)];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ReturnType<typeof child>;
  } catch {
    return { ok: false, error: `child exited ${r.status}: ${r.stderr.slice(-2000)}` };
  }
}

function statsCommandExists(): boolean {
  const idx = join(distDir(), 'cli', 'commands', 'index.js');
  if (!existsSync(idx)) return false;
  const r = spawnSync(process.execPath, [join(distDir(), 'cli', 'main.js'), 'stats', '--help'], { encoding: 'utf8' });
  return r.status === 0;
}

function warnOnce(m: Measured, w: string): void {
  if (!(m.warn ?? []).includes(w)) (m.warn ??= []).push(w);
}

/** Peak RSS of a Node process that does nothing, for scale. */
function baselineRssMB(): number {
  const one = (): number => {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'], { encoding: 'utf8' });
    return Number(r.stdout) / 1024;
  };
  return Math.min(one(), one(), one());
}

let baseline: number | undefined;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '16MB' },
      runs: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '1.5' },
      cases: { type: 'string', default: '.' },
      seed: { type: 'string', default: '1' },
      'rss-gb': { type: 'string' },
      'stats-size': { type: 'string' },
      enriched: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      json: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const sizeBytes = parseSize(values.size);
  const runs = Math.max(1, Number(values.runs));
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  const re = new RegExp(values.cases);
  const enriched = values.enriched;
  const prof = values['cpu-prof'];
  if (prof) mkdirSync(join(benchDir(), '.prof'), { recursive: true });

  const log = (shape: Shape) => () => ensureAuditLog({ seed, shape, sizeBytes, enriched });
  const pcap = () => ensurePcap({ seed, shape: 'dense', sizeBytes });
  const status = () => ensureStatus({ seed, count: 100_000 });
  const rules = () => ensureRules({ seed, count: 2_000 });
  const ratio2 = (_v: number, r: number | undefined) => r !== undefined && r >= 2;

  const defs: CaseDef[] = [];
  for (const shape of ['dense', 'sparse'] as const) {
    defs.push({ id: `text-fields/${shape}`, child: 'text-fields', file: log(shape), metric: 'records/s', peer: 'raw', target: '≥ 2× peer', met: ratio2 });
  }
  for (const shape of ['dense', 'sparse'] as const) {
    defs.push({ id: `text-interp/${shape}`, child: 'text-interp', file: log(shape), metric: 'records/s', peer: 'interp', target: '≥ 2× peer interp', met: ratio2 });
  }
  for (const shape of ['dense', 'sparse'] as const) {
    defs.push({ id: `baseline-tokenizer/${shape}`, child: 'baseline-tokenizer', file: log(shape), metric: 'records/s', peer: 'raw', target: '(reference)' });
  }
  for (const shape of ['dense', 'sparse'] as const) {
    defs.push({ id: `cli-stats/${shape}`, child: '', file: log(shape), metric: 'records/s', peer: 'raw', target: '≈ text-fields', cli: true });
  }
  defs.push({ id: 'cli-stats/pcap', child: '', file: pcap, metric: 'MB/s', target: '≈ pcap-records', cli: true });
  // The whole process on a bigger file: Node's start-up (about 0.08 s) is a fixed cost that a 16 MB
  // log (0.05 s of parsing) cannot hide, and replaying days of logs is what stats is for.
  const statsSize = values['stats-size'] === undefined ? sizeBytes * 8 : values['stats-size'] === '0' ? 0 : parseSize(values['stats-size']);
  if (statsSize > 0) {
    const label = sizeLabel(statsSize);
    for (const shape of ['dense', 'sparse'] as const) {
      defs.push({ id: `cli-stats/${shape}-${label}`, child: '', file: () => ensureAuditLog({ seed, shape, sizeBytes: statsSize, enriched }), metric: 'records/s', peer: 'raw', target: '≈ text-fields', cli: true });
    }
    defs.push({ id: `cli-stats/pcap-${label}`, child: '', file: () => ensurePcap({ seed, shape: 'dense', sizeBytes: statsSize }), metric: 'MB/s', target: '≈ pcap-records', cli: true });
  }
  defs.push({ id: 'pcap-records/dense', child: 'pcap-records', file: pcap, metric: 'MB/s', target: '≥ 300 MB/s', met: (v) => v >= 300 });
  defs.push({ id: 'pcap-items/dense', child: 'pcap-items', file: pcap, metric: 'MB/s', target: '(owned copies)' });
  defs.push({ id: 'pcap-messages/dense', child: 'pcap-messages', file: pcap, metric: 'MB/s', target: '(full AuditMessage model)' });
  defs.push({ id: 'pcap-walk/dense', child: 'pcap-walk', file: pcap, metric: 'MB/s', target: '≥ 1000 MB/s', met: (v) => v >= 1000 });
  defs.push({ id: 'status-decode', child: 'status-decode', file: status, metric: 'ops/s', target: '≥ 5M/s', met: (v) => v >= 5e6 });
  defs.push({ id: 'status-encode', child: 'status-encode', file: status, metric: 'ops/s' });
  defs.push({ id: 'rules-compile', child: 'rules-compile', file: rules, metric: 'ops/s', target: '≥ 200k/s', met: (v) => v >= 200e3 });
  defs.push({ id: `rss-stream/${sizeLabel(sizeBytes)}`, child: 'rss-stream', file: pcap, metric: 'RSS MB' });
  if (values['rss-gb'] !== undefined) {
    const gb = Number(values['rss-gb']);
    const big = Math.round(gb * (1 << 30));
    defs.push({
      id: `rss-stream/${sizeLabel(big)}`,
      child: 'rss-stream',
      file: () => ensurePcap({ seed, shape: 'dense', sizeBytes: big }),
      metric: 'RSS MB',
      target: '< 150 MB (1 GB)',
      met: (v) => v < 150,
    });
  }
  if (values.list) {
    for (const d of defs) process.stdout.write(`${d.id}\n`);
    return 0;
  }
  const selected = defs.filter((d) => re.test(d.id));

  if (!existsSync(distDir())) process.stderr.write('bench: dist/ is missing; run `npm run build` first (npm run bench does).\n');
  const peer = ensurePeer();
  const peerPath = 'path' in peer ? peer.path : undefined;
  if (peerPath === undefined) process.stderr.write(`bench: no C peer: ${'error' in peer ? peer.error : ''}\n`);

  process.stderr.write(`bench: corpora in bench/.corpus (seed ${seed}, ${sizeLabel(sizeBytes)}${enriched ? ', enriched' : ''})\n`);
  const results: Measured[] = [];
  const hasStats = selected.some((d) => d.cli === true) ? statsCommandExists() : false;

  for (const d of selected) {
    const file = d.file();
    const bytes = statSync(file).size;
    process.stderr.write(`bench: ${d.id} on ${file.replace(`${repoRoot()}/`, '')} (${(bytes / 2 ** 20).toFixed(1)} MiB) `);
    const m: Measured = { id: d.id, samples: { node: [], peer: [], ratio: [] }, warn: [], load: loadavg()[0] ?? 0 };
    const peerPasses = d.peer !== undefined && peerPath !== undefined ? calibratePeer(peerPath, file, d.peer === 'interp', seconds) : 0;
    let peerRecords: number | undefined;
    if (d.cli === true && !hasStats) m.na = 'n/a (missing: cli stats command)';
    for (let i = 0; i < runs && m.na === undefined; i++) {
      // The peer first, then Node, on the same file in the same run.
      let p: PeerResult | undefined;
      if (d.peer !== undefined && peerPath !== undefined) {
        p = runPeer(peerPath, file, peerPasses, d.peer === 'interp');
        peerRecords = p.records;
        m.samples.peer.push((p.records * p.passes) / p.seconds);
        if (p.maxRssKB !== undefined) m.peerRssMB = Math.max(m.peerRssMB ?? 0, p.maxRssKB / 1024);
      }
      let value: number;
      if (d.cli === true) {
        const t0 = process.hrtime.bigint();
        const profArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${join(benchDir(), '.prof')}`, `--cpu-prof-name=${d.id.replaceAll('/', '-')}-${i + 1}.cpuprofile`] : [];
        const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, ...profArgs, join(distDir(), 'cli', 'main.js'), 'stats', file], { encoding: 'utf8', maxBuffer: 1 << 24 });
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        if (r.status !== 0) {
          m.na = `n/a (stats failed: ${r.stderr.trim().split('\n')[0] ?? r.status})`;
          break;
        }
        value = d.metric === 'MB/s' ? bytes / 1e6 / s : (peerRecords ?? Number.NaN) / s;
        m.note = `whole process (\`audit-netlink stats FILE\`), one pass, wall clock${d.metric === 'records/s' ? ", peer's record count" : ''}`;
      } else {
        const c = child({ case: d.child, file, seconds }, prof ? `${d.id.replaceAll('/', '-')}-${i + 1}` : undefined);
        if (!c.ok) {
          m.na = c.missing !== undefined ? `n/a (missing: ${c.missing})` : `error: ${(c.error ?? '').split('\n')[0]!.slice(0, 100)}`;
          if (c.error !== undefined) process.stderr.write(`\n${c.error}\n`);
          break;
        }
        const u = c.units!;
        const s = c.seconds!;
        if (c.note !== undefined) m.note = c.note;
        switch (d.metric) {
          case 'records/s':
            value = u.records / s;
            m.extra = `${si(u.fields / s)} fields/s; peak RSS node ${(c.maxRssKB! / 1024).toFixed(0)} MB${m.peerRssMB === undefined ? '' : `, peer ${m.peerRssMB.toFixed(0)} MB`}`;
            if (peerRecords !== undefined && c.perPass !== undefined && c.perPass.records !== peerRecords)
              warnOnce(m, `records per pass: node ${c.perPass.records}, peer ${peerRecords}`);
            if (p !== undefined && c.perPass !== undefined && c.perPass.fields !== p.fields) warnOnce(m, `fields per pass: node ${c.perPass.fields}, peer ${p.fields}`);
            break;
          case 'MB/s':
            value = u.bytes / 1e6 / s;
            m.extra = `${si(u.datagrams / s)} datagrams/s${u.records > 0 ? `, ${si(u.records / s)} records/s` : ''}`;
            break;
          case 'ops/s':
            value = u.ops / s;
            break;
          case 'RSS MB':
            value = c.maxRssKB! / 1024;
            baseline ??= baselineRssMB();
            m.extra = `${(u.bytes / 2 ** 20).toFixed(0)} MiB streamed in ${s.toFixed(1)} s, ${si(u.records)} records; an empty node process: ${baseline.toFixed(0)} MB`;
            break;
        }
      }
      m.samples.node.push(value);
      if (p !== undefined) m.samples.ratio.push(value / m.samples.peer[m.samples.peer.length - 1]!);
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    if (m.na === undefined) {
      m.value = median(m.samples.node);
      if (m.samples.peer.length > 0) {
        m.peer = median(m.samples.peer);
        m.ratio = median(m.samples.ratio);
      }
    }
    results.push(m);
  }

  // The table.
  const fmt = (d: CaseDef, v: number | undefined): string =>
    v === undefined ? '' : d.metric === 'MB/s' ? `${v.toFixed(0)} MB/s` : d.metric === 'RSS MB' ? `${v.toFixed(0)} MB` : `${si(v)}/s`;
  const rows: string[][] = [['case', 'node', 'peer', 'node/peer', 'target', 'met', 'detail']];
  for (const m of results) {
    const d = defs.find((x) => x.id === m.id)!;
    if (m.na !== undefined) {
      rows.push([m.id, m.na, '', '', d.target ?? '', '', '']);
      continue;
    }
    const met = d.met === undefined || m.value === undefined ? '' : d.met(m.value, m.ratio) ? 'yes' : 'NO';
    const spread = m.samples.node.length > 1 ? ` (runs: ${m.samples.node.map((x) => (d.metric === 'MB/s' || d.metric === 'RSS MB' ? x.toFixed(0) : si(x))).join(' ')})` : '';
    rows.push([
      m.id,
      fmt(d, m.value),
      fmt(d, m.peer),
      m.ratio === undefined ? '' : `${m.ratio.toFixed(2)}×`,
      d.target ?? '',
      met,
      [m.extra, m.note, ...(m.warn ?? []).map((w) => `WARNING ${w}`), `load ${(m.load ?? 0).toFixed(1)}`].filter((x) => x !== undefined && x !== '').join('; ') + spread,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(Math.min(w, 40))).join('  ')}\n`);
  for (const r of rows.slice(1)) process.stdout.write(`${line(r)}\n`);
  process.stdout.write(
    `\nmedians of ${runs} run(s), each ≥ ${seconds} s after a warm-up pass; peer = libauparse ${peerVersion()} (auparse-bench), same file, same run. ` +
      `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`,
  );
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ node: process.version, seed, size: sizeBytes, runs, seconds, results }, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
