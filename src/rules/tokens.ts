import type { TokenRef } from './errors.js';

/**
 * Split a rules-file line into tokens the way auditctl does (audit_strsplit: spaces and tabs, no
 * quoting: `"a b"` is two tokens, quotes included), keeping each token's character offset.
 *
 * @example
 * tokenizeRuleLine('-w /etc/passwd -p wa').map((t) => t.text) // ['-w', '/etc/passwd', '-p', 'wa']
 */
export function tokenizeRuleLine(line: string): TokenRef[] {
  const out: TokenRef[] = [];
  const re = /[^ \t\r\n]+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], offset: m.index });
  return out;
}
