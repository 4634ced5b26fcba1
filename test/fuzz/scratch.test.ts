import { it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { allTargets, caseInput, checkContract } from './targets.js';
import { toHex } from '../../src/bytes/hex.js';

it('explore', () => {
  const t0 = Date.now();
  const targets = allTargets(fileURLToPath(new URL('../../', import.meta.url)));
  console.log('load', Date.now() - t0, targets.map((t) => `${t.name}:${t.seeds.length}`).join(' '));
  const only = process.env.ONLY;
  for (const t of targets) {
    if (only !== undefined && !t.name.includes(only)) continue;
    const s = Date.now();
    const n = Number(process.env.N ?? 200);
    const seen = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const m = caseInput(t, 1, i);
      const c0 = Date.now();
      const v = checkContract(t, m.bytes);
      const dt = Date.now() - c0;
      if (dt > 500) console.log('SLOW', t.name, m.kind, dt, m.bytes.length);
      if (v) {
        const key = v.kind + ':' + v.message.slice(0, 60);
        if (!seen.has(key)) seen.set(key, `${m.kind} len=${m.bytes.length} ${v.message.slice(0, 300)} ${v.stack ?? ''} HEX=${toHex(m.bytes).slice(0, 200)}`);
      }
    }
    console.log(t.name, n, 'cases', Date.now() - s, 'ms', seen.size, 'violations');
    for (const [, x] of seen) console.log('   ', x);
  }
}, 600000);
