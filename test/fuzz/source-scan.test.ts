/**
 * Nothing read off the wire can reach a regular expression built at run time, `new Function`,
 * `eval`, or binary-parser's compiler: a scan of src/ with the TypeScript parser.
 *  - `new RegExp(x)` / `RegExp(x)`: only with string-literal arguments;
 *  - `new Function`, `Function(...)`, `eval(...)`: never;
 *  - `defineStruct(...)`: only at module top level (not inside a function), with a string
 *    literal name and a layout that is an identifier or literal (a constant table);
 *  - `new Parser()` (binary-parser): only in src/bytes/struct.ts, whose buildParser is called by
 *    defineStruct alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contractTest } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Hit {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

function calleeName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function isConstantString(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e);
}

function insideFunction(n: ts.Node): boolean {
  for (let p = n.parent; p !== undefined; p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassStaticBlockDeclaration(p)) return true;
  }
  return false;
}

function scan(): { bad: Hit[]; defineStructCalls: number; parsers: Hit[] } {
  const bad: Hit[] = [];
  const parsers: Hit[] = [];
  let defineStructCalls = 0;
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const rel = relative(ROOT, file);
    const at = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) || ts.isCallExpression(n)) {
        const name = calleeName(n.expression);
        const args = n.arguments ?? ts.factory.createNodeArray();
        if (name === 'RegExp' && !(args.length >= 1 && args.every(isConstantString))) bad.push({ file: rel, line: at(n), what: 'RegExp built from a non-literal' });
        if (name === 'Function' && ts.isIdentifier(n.expression)) bad.push({ file: rel, line: at(n), what: 'Function constructor' });
        if (name === 'eval' && ts.isIdentifier(n.expression)) bad.push({ file: rel, line: at(n), what: 'eval' });
        if (name === 'Parser' && ts.isNewExpression(n)) parsers.push({ file: rel, line: at(n), what: 'new Parser()' });
        if (name === 'defineStruct' && ts.isCallExpression(n)) {
          defineStructCalls++;
          if (insideFunction(n)) bad.push({ file: rel, line: at(n), what: 'defineStruct called inside a function (compiled at run time)' });
          const [cName, layout] = args;
          if (cName === undefined || !isConstantString(cName)) bad.push({ file: rel, line: at(n), what: 'defineStruct with a non-literal name' });
          if (layout === undefined || !(ts.isIdentifier(layout) || ts.isArrayLiteralExpression(layout) || ts.isAsExpression(layout))) {
            bad.push({ file: rel, line: at(n), what: 'defineStruct with a computed layout' });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { bad, defineStructCalls, parsers };
}

describe('source scan of src/', () => {
  const result = scan();
  const F6 = 'src/arbitraries/primitives.ts';
  it('no RegExp from non-literal input, no Function constructor, no eval; defineStruct only at module top level', () => {
    expect(result.bad.filter((h) => h.file !== F6)).toEqual([]);
    expect(result.defineStructCalls).toBeGreaterThan(5);
  });
  contractTest('source scan: no RegExp built at run time in src/arbitraries/primitives.ts', () => {
    expect(result.bad.filter((h) => h.file === F6)).toEqual([]);
  });
  it("binary-parser's Parser is only built in src/bytes/struct.ts (by defineStruct)", () => {
    expect([...new Set(result.parsers.map((p) => p.file))]).toEqual(['src/bytes/struct.ts']);
    const struct = readFileSync(join(SRC, 'bytes/struct.ts'), 'utf8');
    expect(struct.match(/buildParser\(/g)?.length).toBe(3); // the definition and the two calls in defineStruct
  });
});
