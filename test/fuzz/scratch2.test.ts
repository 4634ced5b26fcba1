import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
import { it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { allTargets, caseInput, checkContract } from './targets.js';

it('slow', () => {
  const targets = allTargets(fileURLToPath(new URL('../../', import.meta.url)));
  const lines: string[] = [];
  for (const t of targets) {
    if (process.env.ONLY && !process.env.ONLY.split(',').includes(t.name)) continue;
    let mt = 0, rt = 0;
    const slow: string[] = [];
    for (let i = 0; i < Number(process.env.N ?? 40); i++) {
      const a = performance.now();
      const m = caseInput(t, 1, i);
      const b = performance.now();
      const v = checkContract(t, m.bytes);
      const c = performance.now();
      mt += b - a; rt += c - b;
      if (c - b > 100) slow.push(`${i}:${m.kind}:${Math.round(c - b)}ms:${m.bytes.length}B`);
      if (v) slow.push(`VIOLATION ${i} ${m.kind} ${v.message.slice(0, 200)}`);
    }
    lines.push(`${t.name} mutate ${Math.round(mt)}ms run ${Math.round(rt)}ms ${slow.join(' ')}`);
  }
  require('node:fs').writeFileSync('/tmp/s2.out', lines.join('\n') + '\n');
}, 600000);
