import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fromHex, toHex } from '../../src/bytes/hex.js';
import { compileRule, explainRule, normalizeAsKernel, parseRuleBytes, ruleMessage, ruleToBytes } from '../../src/rules/index.js';

const VECTORS = 'test/fixtures/vectors';

/** The commands of the vectors README, one per auditctl-add-rule-N.txt. */
const ADD_RULES = [
  '-a always,exit -F arch=b64 -S clone -F a0&0x7C020000 -F key=container-create',
  '-a always,exit -F arch=b64 -S unshare,setns -F key=container-config',
  '-w /etc/passwd -p wa -k passwd',
];

function datagrams(file: string, direction: 'sendto' | 'recvfrom'): string[] {
  return readFileSync(`${VECTORS}/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(`${direction} `) && !l.includes('(peek)'))
    .map((l) => l.slice(direction.length + 1));
}

/** nlmsg_type and nlmsg_seq of a little-endian hex datagram. */
function headerOf(hex: string): { type: number; seq: number } {
  const b = fromHex(hex);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { type: v.getUint16(4, true), seq: v.getUint32(8, true) };
}

describe('auditctl vectors (x86_64, audit 3.0.9, Linux 6.18)', () => {
  ADD_RULES.forEach((rule, i) => {
    test(`compiling "${rule}" gives the AUDIT_ADD_RULE auditctl sent`, () => {
      const sent = datagrams(`auditctl-add-rule-${i + 1}.txt`, 'sendto').find((h) => headerOf(h).type === 1011);
      expect(sent).toBeDefined();
      const msg = ruleMessage(compileRule(rule), { seq: headerOf(sent!).seq });
      expect(toHex(msg)).toBe(sent);
    });
  });

  test('explaining the three LIST_RULES replies gives the three rules as auditctl -l prints them', () => {
    const replies = datagrams('auditctl-list-rules.txt', 'recvfrom').filter((h) => headerOf(h).type === 1013);
    expect(replies).toHaveLength(3);
    expect(replies.map((h) => explainRule(parseRuleBytes(fromHex(h)).rule))).toEqual(ADD_RULES);
  });

  test('each reply compiles back to the kernel bytes, up to the class bits of mask[63]', () => {
    const replies = datagrams('auditctl-list-rules.txt', 'recvfrom').filter((h) => headerOf(h).type === 1013);
    replies.forEach((h, i) => {
      const kernel = parseRuleBytes(fromHex(h)).rule;
      expect(toHex(ruleToBytes(normalizeAsKernel(compileRule(ADD_RULES[i]!).rule)))).toBe(toHex(ruleToBytes(kernel)));
    });
  });
});

/**
 * go-libaudit's golden files: rule lines as written in a .rules file and the bytes a real kernel
 * listed for each. Their `flags` lines are the input lines, not `auditctl -l` output, so a line
 * that auditctl prints differently is listed here with the reason; for those the test checks that
 * the line and the kernel's bytes explain to the same text.
 */
const NOT_LISTED_VERBATIM: readonly (readonly [RegExp, string])[] = [
  [/ -S \S+ -S /, 'several -S options: auditctl -l prints one -S with the syscalls in number order'],
  [/-S accept,connect /, 'auditctl -l prints syscalls in number order (connect 42 < accept 43 on x86_64)'],
  [/-S adjtimex,settimeofday,stime/, 'auditctl -l prints syscalls in number order (stime 25 < settimeofday 79 < adjtimex 124 on i386)'],
  [/auid(!=|=)(unset|4294967295)/, 'auid -1 is printed as -1 (3.0.9 prints "unset" only with -i)'],
  [/arch=x86_64/, 'arch is printed as b64/b32'],
  [/-a exclude,always/, 'auditctl -l prints action,list'],
  [/a0=0 /, 'syscall arguments are printed in hex (0x0)'],
  [/-F path=\S+ -F perm=\S+ -F key=/, 'path + perm + key on all syscalls is printed as a watch (-w ... -p ... -k ...)'],
  [/-F dir=\S+ -F perm=\S+ -F key=/, 'dir + perm + key on all syscalls is printed as a watch'],
  [/-F dir=\S+ -F perm=r -F auid/, 'an exit rule on all syscalls is printed with -S all'],
  [/^-w \S+\/ /, 'a watch is printed without the trailing slash, with its -p'],
  [/^-w '/, "auditctl splits rule lines at spaces and keeps quotes: the line is not one auditctl would accept as written"],
];

/** Lines whose bytes cannot be had from the line here, with the reason. */
const NOT_COMPILED_BACK: readonly (readonly [RegExp, string])[] = [
  [/^-w '/, 'the path has spaces; a rules file cannot express it (auditctl splits at spaces)'],
  [/^-w \/tmp\/audit-test\/var\/log\/audit\/ -k|^-w \/tmp\/audit-test\/etc\/sudoers\.d\//, 'a directory on the capturing host: -w gives AUDIT_DIR only with isDirectory (checked below)'],
];

/** The kernel's text cannot be compiled back when auditctl -l prints a dir watch with its slash. */
const LISTING_NOT_COMPILABLE = /-F dir=\S+\/ -F perm=\S+ -F key=|^-w '/;

interface GoldenRule {
  readonly file: string;
  readonly host: string;
  readonly line: string;
  readonly bytes: Uint8Array;
}

function goldenRules(): GoldenRule[] {
  const dir = `${VECTORS}/go-libaudit/rule`;
  const out: GoldenRule[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.rules.golden.yml'))) {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const host = /aarch64/.test(text.split('\n')[0] ?? '') ? 'aarch64' : 'x86_64';
    for (const m of text.matchAll(/- flags: (.*)\n {2}bytes: !!binary \|\n((?: {4}.*\n?)+)/g)) {
      out.push({ file, host, line: m[1]!, bytes: new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64')) });
    }
  }
  return out;
}

describe('go-libaudit golden rules (kernel-returned bytes)', () => {
  const rules = goldenRules();

  test('all 12 golden files are read', () => {
    expect(new Set(rules.map((r) => r.file)).size).toBe(12);
    expect(rules.length).toBeGreaterThan(100);
  });

  test.each(rules.map((r) => [`${r.file}: ${r.line}`, r] as const))('%s', (_name, r) => {
    const kernel = parseRuleBytes(r.bytes).rule;
    const listed = explainRule(kernel, { arch: r.host });
    const verbatimException = NOT_LISTED_VERBATIM.find(([re]) => re.test(r.line));
    const backException = NOT_COMPILED_BACK.find(([re]) => re.test(r.line));
    if (verbatimException === undefined) expect(listed).toBe(r.line);
    if (backException === undefined) {
      const compiled = compileRule(r.line, { arch: r.host }).rule;
      expect(toHex(ruleToBytes(normalizeAsKernel(compiled)))).toBe(toHex(ruleToBytes(kernel)));
      if (verbatimException !== undefined) expect(listed).toBe(explainRule(compiled, { arch: r.host }));
    }
    if (!LISTING_NOT_COMPILABLE.test(r.line) && backException === undefined) {
      const again = compileRule(listed, { arch: r.host }).rule;
      expect(toHex(ruleToBytes(normalizeAsKernel(again)))).toBe(toHex(ruleToBytes(kernel)));
    }
  });

  test('directory watches compile to the kernel bytes when the caller says the path is a directory', () => {
    const dirs = rules.filter((r) => NOT_COMPILED_BACK[1]![0].test(r.line));
    expect(dirs).toHaveLength(2);
    for (const r of dirs) {
      const kernel = parseRuleBytes(r.bytes).rule;
      const compiled = compileRule(r.line, { arch: r.host, isDirectory: () => true }).rule;
      expect(toHex(ruleToBytes(normalizeAsKernel(compiled)))).toBe(toHex(ruleToBytes(kernel)));
      expect(kernel.fields[0]).toBe(107);
    }
  });
});
