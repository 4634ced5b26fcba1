import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Layers in decoding order; a module may import its own layer and those before it. */
const LAYERS = ['bytes', 'tables', 'netlink', 'audit', 'records', 'interpret', 'rules', 'events', 'capture', 'arbitraries', 'node', 'cli'];
/** Layers that may not depend on one another although both sit below `capture`. */
const ALLOWED_EXTRA: Record<string, readonly string[]> = {
  // Dialects type their records with the text-record model.
  audit: ['records'],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const files = walk('src');
const importRe = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

function layerOf(path: string): string {
  const top = relative('src', path).split('/')[0]!;
  return top.endsWith('.ts') ? 'root' : top;
}

describe('layering', () => {
  it('only src/node and src/cli import node:* modules', () => {
    const offenders = files.filter((f) => {
      const layer = layerOf(f);
      if (layer === 'node' || layer === 'cli') return false;
      return /from\s+'node:/.test(readFileSync(f, 'utf8'));
    });
    expect(offenders).toEqual([]);
  });

  it('no layer imports a layer after it', () => {
    const violations: string[] = [];
    for (const f of files) {
      const from = layerOf(f);
      const rank = LAYERS.indexOf(from);
      if (rank < 0) continue;
      for (const m of readFileSync(f, 'utf8').matchAll(importRe)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) continue;
        const target = layerOf(join(f, '..', spec));
        const trank = LAYERS.indexOf(target);
        if (trank > rank && !(ALLOWED_EXTRA[from] ?? []).includes(target)) violations.push(`${f} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
