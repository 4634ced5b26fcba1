/**
 * The library as the bench sees it: the compiled package in `dist/` (what `npm run build` makes and
 * what users run), loaded at run time so that a function that does not exist yet makes its case
 * print `n/a (missing: name)` instead of failing the whole bench.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDir } from './corpus/files.js';

export type Fn = (...args: never[]) => unknown;

/** The repository root (the directory holding bench/). */
export function repoRoot(): string {
  return dirname(benchDir());
}

/** The compiled library: $AUDIT_NETLINK_DIST, or dist/ of this repository. */
export function distDir(): string {
  return process.env.AUDIT_NETLINK_DIST ?? join(repoRoot(), 'dist');
}

const cache = new Map<string, Record<string, unknown> | null>();

/**
 * `dist/<module>.js` (e.g. `records/index`), or null when it is not built. When the directory is a
 * source tree (`AUDIT_NETLINK_DIST=src`, as `test/bench/cases.test.ts` runs the cases under
 * vitest), `<module>.ts` is loaded instead.
 */
export async function loadModule(mod: string): Promise<Record<string, unknown> | null> {
  if (cache.has(mod)) return cache.get(mod) ?? null;
  const js = join(distDir(), `${mod}.js`);
  const ts = join(distDir(), `${mod}.ts`);
  const path = existsSync(js) ? js : existsSync(ts) ? ts : undefined;
  let m: Record<string, unknown> | null = null;
  if (path !== undefined) m = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  cache.set(mod, m);
  return m;
}

export class Missing extends Error {
  readonly what: string;
  constructor(what: string) {
    super(`missing: ${what}`);
    this.what = what;
  }
}

/**
 * The first export named `name` among `mods` (tried in order), or throw `Missing` naming what the
 * case needs (`records.parseLogLine`).
 */
export async function need<T = Fn>(name: string, mods: readonly string[], kind: 'function' | 'object' = 'function'): Promise<T> {
  for (const mod of mods) {
    const m = await loadModule(mod);
    const v = m?.[name];
    if (v !== undefined && typeof v === kind) return v as T;
  }
  const first = mods[0] ?? '?';
  throw new Missing(`${first.replace(/\/index$/, '').replaceAll('/', '.')}.${name}`);
}

/** Like `need`, but undefined when absent. */
export async function maybe<T = Fn>(name: string, mods: readonly string[], kind: 'function' | 'object' = 'function'): Promise<T | undefined> {
  try {
    return await need<T>(name, mods, kind);
  } catch (e) {
    if (e instanceof Missing) return undefined;
    throw e;
  }
}
