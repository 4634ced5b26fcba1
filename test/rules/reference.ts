/**
 * Helpers for the differential test: build and run scripts/ruleref.c against the real libaudit,
 * read and write the committed answers in test/fixtures/rules/, and compare one answer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { isAuditError } from '../../src/bytes/errors.js';
import { toHex } from '../../src/bytes/hex.js';
import { compileRule, ruleToBytes, type RuleCompileOptions } from '../../src/rules/index.js';

export const FIXTURES = 'test/fixtures/rules';
export const DEBIAN_RULES_DIR = '/usr/share/doc/auditd/examples/rules';

/** What the reference said for one line: `ok HEX`, `err RC` (RC -1000: auditctl's own checks), `skip`. */
export type Answer = string;

/** Runs of 8+ `0` or `f` in hex as `0{N}` / `f{N}`: rule bytes are mostly those, and fixtures stay small. */
export function packHex(hex: string): string {
  return hex.replace(/0{8,}|f{8,}/g, (run) => `${run[0]}{${run.length}}`);
}

export function unpackHex(packed: string): string {
  return packed.replace(/([0f])\{(\d+)\}/g, (_m, c: string, n: string) => c.repeat(Number(n)));
}

/** Build scripts/ruleref.c with gcc -laudit into a temp dir; the reason it cannot be when it cannot. */
export function buildRuleref(): { path: string } | { missing: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ruleref-'));
  const out = join(dir, 'ruleref');
  try {
    execFileSync('gcc', ['-O2', '-Wall', '-o', out, 'scripts/ruleref.c', '-laudit'], { stdio: 'pipe' });
    return { path: out };
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return { missing: `gcc/libaudit-dev not usable: ${err.stderr?.toString().split('\n')[0] ?? err.message}` };
  }
}

/** The reference's answer for each line (packed hex), in order. */
export function runRuleref(exe: string, lines: readonly string[]): Answer[] {
  const out = execFileSync(exe, { input: `${lines.join('\n')}\n`, maxBuffer: 1 << 28 }).toString().split('\n');
  return lines.map((_l, i) => {
    const a = out[i] ?? 'missing';
    return a.startsWith('ok ') ? `ok ${packHex(a.slice(3))}` : a.startsWith('err ') ? a.split(' ').slice(0, 2).join(' ') : a.split(' ')[0]!;
  });
}

/** Rule lines of Debian's example rule files on this host (plain or .gz), or [] when absent. */
export function hostDebianRuleLines(): string[] {
  if (!existsSync(DEBIAN_RULES_DIR)) return [];
  const lines: string[] = [];
  for (const f of readdirSync(DEBIAN_RULES_DIR).sort()) {
    if (!/\.rules(\.gz)?$/.test(f)) continue;
    const raw = readFileSync(join(DEBIAN_RULES_DIR, f));
    const text = (f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    for (const l of text.split('\n')) if (l.trim() !== '' && !l.trimStart().startsWith('#')) lines.push(l);
  }
  return lines;
}

export interface Fixture {
  readonly users: ReadonlyMap<string, number>;
  readonly groups: ReadonlyMap<string, number>;
  readonly rows: readonly (readonly [line: string, answer: Answer])[];
}

/** Read `NAME.ref.tsv`: `#user NAME UID|-`, `#group NAME GID|-` header lines, then `LINE<TAB>ANSWER`. */
export function readFixture(name: string): Fixture {
  const users = new Map<string, number>();
  const groups = new Map<string, number>();
  const rows: [string, Answer][] = [];
  for (const l of readFileSync(join(FIXTURES, name), 'utf8').split('\n')) {
    const m = /^#(user|group) (\S+) (\S+)$/.exec(l);
    if (m !== null) {
      if (m[3] !== '-') (m[1] === 'user' ? users : groups).set(m[2]!, Number(m[3]));
    } else if (l !== '' && !l.startsWith('#')) {
      const tab = l.lastIndexOf('\t');
      rows.push([l.slice(0, tab), l.slice(tab + 1)]);
    }
  }
  return { users, groups, rows };
}

/** `/etc/passwd`-style lookups, as libaudit's getpwnam/getgrnam would answer on this host. */
export function hostIds(file: '/etc/passwd' | '/etc/group'): Map<string, number> {
  const m = new Map<string, number>();
  if (!existsSync(file)) return m;
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    const p = l.split(':');
    if (p.length >= 3 && p[0] !== '') m.set(p[0]!, Number(p[2]));
  }
  return m;
}

export function resolverOf(users: ReadonlyMap<string, number>, groups: ReadonlyMap<string, number>): RuleCompileOptions {
  return { resolveUser: (n) => users.get(n), resolveGroup: (n) => groups.get(n) };
}

/** This library's answer for a rule line, in the reference's terms. */
export function ourAnswer(line: string, options: RuleCompileOptions): { answer: Answer; code: number | undefined; message: string } {
  try {
    return { answer: `ok ${packHex(toHex(ruleToBytes(compileRule(line, options).rule)))}`, code: undefined, message: '' };
  } catch (e) {
    if (!isAuditError(e) || e.code !== 'AUDIT_ERR_BAD_RULE') throw e;
    return { answer: 'err', code: e.expected, message: e.message };
  }
}

/**
 * Lines where this library differs from libaudit 3.0.9 on purpose (docs/rules.md, "Differences"):
 * saddr_fam takes address family names, which libaudit stores as 0.
 */
export const DOCUMENTED_DIFFERENCES: readonly RegExp[] = [/saddr_fam(?:!=|>=|<=|&=|=|>|<|&)(?:unix|local|inet|inet6|netlink|packet)\b/i];

/** Undefined when ours agrees with the reference; else a one-line description of the difference. */
export function disagreement(line: string, ref: Answer, options: RuleCompileOptions): string | undefined {
  if (DOCUMENTED_DIFFERENCES.some((re) => re.test(line))) return undefined;
  const mine = ourAnswer(line, options);
  if (ref.startsWith('ok ')) return mine.answer === ref ? undefined : `${line}\n  libaudit: ${ref.slice(0, 80)}\n  ours:     ${mine.answer.slice(0, 80)} ${mine.message}`;
  if (ref.startsWith('err ')) {
    if (mine.answer !== 'err') return `${line}\n  libaudit: ${ref}\n  ours:     accepted`;
    const rc = Number(ref.split(' ')[1]);
    if (rc !== -1000 && mine.code !== rc) return `${line}\n  libaudit: ${ref}\n  ours:     error ${mine.code} ${mine.message}`;
    return undefined;
  }
  return `${line}\n  libaudit: ${ref} (not a rule line)`;
}

/**
 * Rule-like lines, mostly wrong: real and unknown fields, odd operators and values (every number
 * base, overflow, names, empty), options in any order. For comparing refusals, not just successes.
 */
export function fuzzLineArbitrary(): fc.Arbitrary<string> {
  const fields = 'pid uid euid suid fsuid gid egid sgid fsgid auid loginuid pers arch msgtype subj_user obj_user ppid sessionid fstype devmajor inode exit success path perm dir filetype obj_uid obj_gid field_compare exe saddr_fam a0 a3 key watch foo'.split(' ');
  const val = fc.oneof(
    fc.constantFrom('0', '1', '-1', '0x10', '010', '4294967295', '4294967296', '-4294967297', '99999999999999999999999', 'unset', 'root', 'b64', 'b32', 'x86_64', 'i686', 'c000003e', 'EPERM', '-EPERM', 'SYSCALL', 'rwxa', 'wa', 'file', 'dir', 'debugfs', '/etc', '/x/', '12abc', '-', '0x', ''),
    fc.stringMatching(/^[a-z0-9/_-]{0,6}$/),
  );
  const op = fc.constantFrom('=', '!=', '<', '>', '<=', '>=', '&', '&=', '=>', '==', '!');
  const F = fc.tuple(fc.constantFrom(...fields), op, val).map(([f, o, v]) => `-F ${f}${o}${v}`);
  const C = fc.tuple(fc.constantFrom('uid', 'euid', 'auid', 'gid', 'obj_uid', 'obj_gid', 'pid', 'foo'), fc.constantFrom('=', '!=', '<'), fc.constantFrom('uid', 'euid', 'suid', 'egid', 'sgid', 'obj_uid', 'loginuid', 'x'))
    .map(([a, o, b]) => `-C ${a}${o}${b}`);
  const S = fc.array(fc.constantFrom('open', 'openat', 'all', '5', '0x20', '3000', 'nosuch', 'socketcall', 'clone', 'stime'), { minLength: 1, maxLength: 3 }).map((a) => `-S ${a.join(',')}`);
  const A = fc.tuple(fc.constantFrom('-a', '-A', '-d'), fc.constantFrom('always', 'never', 'possible'), fc.constantFrom('exit', 'task', 'user', 'exclude', 'filesystem', 'entry'))
    .map(([o, a, l]) => `${o} ${a},${l}`);
  const K = fc.constantFrom('-k k1', '-k k2', '-p wa', '-p x', '-w /etc', '-W /tmp/', '-F key=kk');
  return fc.array(fc.oneof({ weight: 1, arbitrary: A }, { weight: 4, arbitrary: F }, { weight: 1, arbitrary: C }, { weight: 2, arbitrary: S }, { weight: 1, arbitrary: K }), { minLength: 1, maxLength: 6 })
    .map((p) => p.join(' '));
}
