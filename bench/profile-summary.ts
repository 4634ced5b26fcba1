/**
 * Summarise a V8 CPU profile (from `npm run bench -- --cpu-prof`, written to bench/.prof/):
 *   node bench/.dist/profile-summary.js bench/.prof/FILE.cpuprofile [--top 25]
 * Prints self time by function (with file:line, relative to the repository) and by file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const file = positionals[0];
if (file === undefined) {
  process.stderr.write('usage: node bench/.dist/profile-summary.js FILE.cpuprofile [--top N]\n');
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
// Self time per node from samples and time deltas (more exact than hitCount × interval).
const self = new Map<number, number>();
const samples = p.samples ?? [];
const deltas = p.timeDeltas ?? [];
for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const short = (url: string): string => url.replace(/^file:\/\//, '').replace(/^.*\/(dist|bench\/\.lib|bench\/\.dist|src|bench)\//, '$1/');

const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const cf = n.callFrame;
  const where = cf.url === '' ? '' : `${short(cf.url)}:${cf.lineNumber + 1}`;
  const key = `${cf.functionName || '(anonymous)'} ${where}`.trim();
  byFn.set(key, (byFn.get(key) ?? 0) + us);
  const f = cf.url === '' ? `(${cf.functionName || 'native'})` : short(cf.url);
  byFile.set(f, (byFile.get(f) ?? 0) + us);
}
const top = Number(values.top);
const pct = (us: number): string => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
let out = `${file}: ${(total / 1e6).toFixed(2)} s sampled\n\nself time by function:\n`;
for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) out += `  ${pct(us)}  ${k}\n`;
out += '\nself time by file:\n';
for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) out += `  ${pct(us)}  ${k}\n`;
process.stdout.on('error', () => undefined); // a closed pipe (| head) is not an error
process.stdout.write(out);
