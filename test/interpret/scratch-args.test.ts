import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseLogLine } from '../../src/records/index.js';
import { interpretRecord } from '../../src/interpret/index.js';
import { LIBAUDIT_MACHINES, LIBAUDIT_SYSCALLS } from '../../src/tables/libaudit.generated.js';

const ids = (f: string) => new Map(readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => { const p = l.split(':'); return [Number(p[2]), p[0]!] as const; }));
const users = ids('/etc/passwd');
const groups = ids('/etc/group');
test('args vs auparse', () => {
  const V = [0, 1, 2, 3, 4, 5, 6, 8, 0xa, 0x11, 0x17, 0x18, 0x29, 0x40, 0x100, 0x107, 0x1000, 0x5401, 0x8000, 0x40000000, 0x40000001, 0xffffff9c, 0x1234567];
  const CTX = [0, 1, 2, 6, 8, 0x11, 0x17, 0x29, 0x40, 0x107];
  const lines: string[] = [];
  let n = 0;
  for (const [, m, arch] of LIBAUDIT_MACHINES) {
    if (!['x86_64', 'i386', 'aarch64', 'ppc64le'].includes(m)) continue;
    for (const [num] of LIBAUDIT_SYSCALLS[m]!) {
      for (const v of V) for (const c of CTX) {
        n++;
        const h = v.toString(16);
        const ch = c.toString(16);
        lines.push(`type=SYSCALL msg=audit(1.000:${n}): arch=${arch.toString(16)} syscall=${num} success=yes exit=0 a0=${c === 0 ? h : ch} a1=${ch} a2=${h} a3=${h} items=0 pid=1`);
        if (c === 0) { n++; lines.push(`type=SYSCALL msg=audit(1.000:${n}): arch=${arch.toString(16)} syscall=${num} success=yes exit=0 a0=0 a1=${h} a2=0 a3=0 items=0 pid=1`); }
      }
    }
  }
  const run = spawnSync('/usr/bin/python3', ['/tmp/ip/probe.py'], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
  const ref = new Map(run.stdout.split('\n').filter(Boolean).map((l) => { const [k, v] = JSON.parse(l) as [number, Record<string, string>]; return [k, v]; }));
  const diffs = new Map<string, string>();
  for (const l of lines) {
    const r = parseLogLine(l);
    const got = interpretRecord(r, { resolveUser: (u) => users.get(u), resolveGroup: (g) => groups.get(g) });
    const want = ref.get(r.serial)!;
    for (const f of got) {
      if (!/^a[0-3]$/.test(f.name)) continue;
      if (want[f.name] !== f.interp) {
        const key = `${got[1]!.interp} ${f.name}`;
        if (!diffs.has(key)) diffs.set(key, `${l.slice(l.indexOf('arch'))} ours=${f.interp} ref=${want[f.name]}`);
      }
    }
  }
  writeFileSync('/tmp/ip/diffs.txt', [...diffs].map(([k, v]) => `${k}: ${v}`).join('\n'));
  console.log(lines.length, diffs.size);
  expect(diffs.size).toBe(0);
}, 120000);
