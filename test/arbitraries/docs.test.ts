import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FAMILY_NAMES, INVALID_KIND_NAMES, INVALID_KINDS } from '../../src/arbitraries/index.js';

const doc = readFileSync('docs/arbitraries.md', 'utf8');

describe('docs/arbitraries.md', () => {
  test('the worked example is test/arbitraries/readme-example.test.ts with package imports', () => {
    const src = readFileSync('test/arbitraries/readme-example.test.ts', 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('// The worked example') && !l.startsWith("// 'audit-netlink/arbitraries'"))
      .join('\n')
      .replace("from '../../src/arbitraries/index.js'", "from 'audit-netlink/arbitraries'")
      .trim();
    expect(doc).toContain(src);
  });

  test('lists every family and every invalid kind with its code', () => {
    for (const f of FAMILY_NAMES) expect(doc).toContain(`| \`${f}\` |`);
    for (const k of INVALID_KIND_NAMES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${k}\` |`));
      expect(row, k).toBeDefined();
      const code = INVALID_KINDS[k].code;
      if (code === 'byte-order') expect(row).toMatch(/BAD_PADDING.*BAD_LENGTH/);
      else expect(row).toContain(code);
    }
  });
});
