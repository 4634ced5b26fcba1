import { describe, expect, test } from 'vitest';
import { AuditError } from '../../src/bytes/errors.js';
import {
  compileRule, compileRulesFile, explainRule, LIBAUDIT_RULE_ERRORS, normalizeAsKernel, parseRuleBytes, ruleMessage, tokenizeRuleLine,
} from '../../src/rules/index.js';

function badRule(args: string, options = {}): AuditError {
  try {
    compileRule(args, options);
  } catch (e) {
    expect(e).toBeInstanceOf(AuditError);
    return e as AuditError;
  }
  throw new Error(`compiled: ${args}`);
}

describe('compileRule: what auditctl and libaudit do', () => {
  test('a watch is AUDIT_WATCH + AUDIT_PERM on the exit list, all syscalls, key last (reference §3.6)', () => {
    const { op, rule } = compileRule('-w /etc/shadow -k a -p r');
    expect(op).toBe('add');
    expect([rule.flags, rule.action, rule.field_count]).toEqual([4, 2, 3]);
    expect(rule.fields.slice(0, 3)).toEqual([105, 106, 210]);
    expect(rule.values.slice(0, 3)).toEqual([11, 4, 1]);
    expect(rule.mask.every((w) => w === 0xffffffff)).toBe(true);
  });

  test('the caller says which watches are directories (AUDIT_DIR 107); the trailing slash goes', () => {
    const { rule } = compileRule('-w /var/log/audit/ -p wa', { isDirectory: (p) => p === '/var/log/audit' });
    expect(rule.fields[0]).toBe(107);
    expect(new TextDecoder().decode(rule.strings[0]!)).toBe('/var/log/audit');
  });

  test('several keys are joined with 0x01 into one AUDIT_FILTERKEY, whatever the option used', () => {
    const { rule } = compileRule('-a always,exit -S open -k one -F key=two -k three');
    expect(rule.fields[rule.field_count - 1]).toBe(210);
    expect([...rule.strings[rule.field_count - 1]!]).toEqual([...new TextEncoder().encode('one\x01two\x01three')]);
    expect(explainRule(rule)).toBe('-a always,exit -S open -F key=one -F key=two -F key=three');
  });

  test('-S without -F arch uses the host machine the caller names; b32 picks its 32-bit sibling', () => {
    const arm = compileRule('-a always,exit -S openat', { arch: 'aarch64' }).rule; // openat is 56 on aarch64
    expect(arm.mask[1]).toBe(1 << 24);
    const x86 = compileRule('-a always,exit -F arch=b32 -S open').rule; // i386: AUDIT_ARCH_I386, open is 5
    expect(x86.values[0]).toBe(0x40000003);
    expect(x86.mask[0]).toBe(1 << 5);
  });

  test('-A prepends (flags | 0x10), -d and -W delete (AUDIT_DEL_RULE 1012)', () => {
    expect(compileRule('-A always,exit -S open').rule.flags).toBe(0x14);
    const del = compileRule('-d never,task -F uid=0');
    expect(del.op).toBe('delete');
    expect(new DataView(ruleMessage(del).buffer).getUint16(4, true)).toBe(1012);
    expect(compileRule('-W /etc/passwd').op).toBe('delete');
  });

  test('non-syscall lists get every syscall bit except task, which gets none', () => {
    expect(compileRule('-a always,exclude -F msgtype=AVC').rule.mask.every((w) => w === 0xffffffff)).toBe(true);
    expect(compileRule('-a never,task -F uid=0').rule.mask.every((w) => w === 0)).toBe(true);
  });

  test('names: users and groups through the caller, errnos, message types, filetypes, fstypes', () => {
    const { rule } = compileRule('-a always,exit -S open -F uid=alice -F gid=staff -F exit=-EACCES -F filetype=dir', {
      resolveUser: (n) => (n === 'alice' ? 1000 : undefined),
      resolveGroup: (n) => (n === 'staff' ? 50 : undefined),
    });
    expect(rule.values.slice(0, 4)).toEqual([1000, 50, 0xfffffff3, 0o040000]);
    expect(compileRule('-a always,user -F msgtype=USER_LOGIN').rule.values[0]).toBe(1112);
    expect(compileRule('-a never,filesystem -F fstype=tracefs').rule.values[0]).toBe(0x74726163);
    expect(badRule('-a always,exit -S open -F uid=alice').message).toContain('alice');
  });

  test('saddr_fam takes address family names (libaudit 3.0.9 stores 0 for any text), below AF_MAX 46', () => {
    expect(compileRule('-a always,exit -S connect -F saddr_fam=inet6').rule.values[0]).toBe(10);
    expect(compileRule('-a always,exit -S connect -F saddr_fam=nosuch').rule.values[0]).toBe(0);
    expect(badRule('-a always,exit -S connect -F saddr_fam=46').expected).toBe(-37);
    // libaudit's (__u32)strtoul: -1 is 4294967295, too large (found by the live fuzz differential, seed 261279204).
    expect(badRule('-a always,exit -S connect -F saddr_fam=-1').expected).toBe(-37);
    expect(compileRule('-a always,exit -S connect -F saddr_fam=+5').rule.values[0]).toBe(5);
  });

  test('io_uring (AUDIT_FILTER_URING_EXIT 7) takes operation numbers, listed by number', () => {
    const { rule } = compileRule('-a always,io_uring -S 18,22');
    expect(rule.flags).toBe(7);
    expect(explainRule(rule)).toBe('-a always,io_uring -S 18,22');
    expect(badRule('-a always,io_uring -S openat').message).toContain('openat');
  });
});

describe('errors name the bad token and where it is', () => {
  test.each([
    ['-a always,exit -S open -F nosuch=1', 'nosuch=1', 26, -2],
    ['-a always,task -F exit=1', 'exit=1', 18, -7],
    ['-a always,exclude -F arch=b64', 'arch=b64', 21, -12],
    ['-a always,exit -S open -F arch=b64', 'arch=b64', 26, -3],
    ['-a always,exit -S open -F perm!=r', 'perm!=r', 26, -29],
    ['-a always,exit -S open -F a0=x', 'a0=x', 26, -21],
    ['-a always,exit -S open -C uid=gid', 'uid=gid', 26, -33],
    ['-a always,exit -S nosuch', 'nosuch', 18, -1],
    ['-a always,user -F uid=0 -F key=k', 'key=k', 27, -19],
  ] as const)('%s', (line, token, offset, code) => {
    const e = badRule(line);
    expect(e.code).toBe('AUDIT_ERR_BAD_RULE');
    expect(e.path).toBe(token);
    expect(e.offset).toBe(offset);
    expect(e.expected).toBe(code);
    expect(LIBAUDIT_RULE_ERRORS.has(code)).toBe(true);
  });

  test.each([
    ['-a always,sometimes', 'Append rule - bad keyword'],
    ['-a always,exit -a always,exit', 'Multiple rule insert/delete operations are not allowed'],
    ['-a always,task -S open', 'syscall auditing being added to task list'],
    ['-F uid=0', 'List must be given before field'],
    ['-w etc/passwd', "The path must start with '/'"],
    ['-a always,exit -S open -w /etc', "watch option can't be given with a syscall"],
    ['-w /etc -p rwq', "Permission q isn't supported"],
    ['-a always,exit -S open -F', 'option -F needs a value'],
    ['-a always,exit -S open -X y', 'unsupported option'],
  ])('%s', (line, message) => {
    expect(badRule(line).message).toContain(message);
  });

  test('the token offsets are those of the line as written', () => {
    expect(tokenizeRuleLine('  -w\t/etc  -p wa').map((t) => [t.text, t.offset])).toEqual([['-w', 2], ['/etc', 5], ['-p', 11], ['wa', 14]]);
  });
});

describe('explain and normalisation', () => {
  test('the kernel clears the syscall-class bits of mask[63]; the listing is unchanged', () => {
    const rule = compileRule('-w /etc/passwd -p wa').rule;
    const listed = normalizeAsKernel(rule);
    expect(listed.mask[63]).toBe(0x0000ffff);
    expect(explainRule(listed)).toBe(explainRule(rule));
  });

  test('unknown fields, operators and arches are shown the way auditctl -l shows them', () => {
    const base = compileRule('-a always,exit -F arch=b64 -S open -F pid=1').rule;
    const fields = base.fields.slice();
    fields[1] = 24; // AUDIT_LOGINUID_SET has no auditctl name
    const values = base.values.slice();
    values[0] = 0x12345678; // no libaudit machine
    expect(explainRule({ ...base, fields, values })).toBe('-a always,exit -F arch=0x12345678 -S 2 f24=1');
  });

  test('a rules file yields one entry per line that does something', () => {
    const kinds = compileRulesFile('# c\n\n-D\n-b 320\n-a never,task\n-a bad\n--reset-lost\n-c').map((e) => [e.line, e.kind]);
    expect(kinds).toEqual([[3, 'offline'], [4, 'set'], [5, 'rule'], [6, 'error'], [7, 'set'], [8, 'offline']]);
  });

  test('parseRuleBytes refuses what is too short to be a rule', () => {
    expect(() => parseRuleBytes(new Uint8Array(100))).toThrow(AuditError);
  });
});
