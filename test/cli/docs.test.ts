import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { runCli } from './run.js';

const CLI_MD = readFileSync('docs/cli.md', 'utf8');

/** The text of `## name` up to the next `## ` heading. */
function section(doc: string, name: string): string {
  const start = doc.indexOf(`\n## ${name}\n`);
  if (start < 0) return '';
  const next = doc.indexOf('\n## ', start + 4);
  return doc.slice(start, next < 0 ? undefined : next);
}

describe('docs/cli.md', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('documents %s and every option its --help lists', async (name, entry) => {
    const cmd = await entry.load();
    const text = section(CLI_MD, name);
    expect(text).not.toBe('');
    const options = new Set([...cmd.usage.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]).filter((o) => o !== '--help'));
    for (const o of options) expect(text, `${name} ${o}`).toContain(o);
  });

  it('lists every command in its table', () => {
    for (const c of COMMANDS) expect(CLI_MD).toContain(`[\`${c.name}\`](#${c.name})`);
  });
});

describe('docs/jsonl.md', () => {
  it('the log-line example is what decode writes for that line', async () => {
    const doc = readFileSync('docs/jsonl.md', 'utf8');
    const part = doc.split('## Log lines')[1]!;
    const blocks = part.split('\n').filter((l) => l.startsWith('    ')).map((l) => l.trim());
    const [logLine, json] = blocks;
    const r = await runCli(['decode', '--format', 'jsonl', '-'], `${logLine}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(json!));
    const back = await runCli(['encode', '--format', 'log', '-'], r.stdout);
    expect(back.stdout).toBe(`${logLine}\n`);
  });
});
