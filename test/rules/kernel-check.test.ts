/**
 * kernelRuleCheck against expectations written from the kernel source (kernel/auditfilter.c
 * audit_to_entry_common, audit_to_op, audit_field_valid, audit_data_to_entry; audit_watch.c
 * audit_to_watch; audit_tree.c audit_make_tree; audit_fsnotify.c audit_alloc_mark;
 * security/security.c and the SELinux/AppArmor audit_rule_init hooks), the rules the live 6.18
 * kernel refused, the vectors' rules, and Debian's example rules.
 */
import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ruleArbitrary } from '../../src/arbitraries/index.js';
import type { AuditRuleData } from '../../src/audit/messages/rule-data.js';
import { isAuditError } from '../../src/bytes/errors.js';
import { fromHex } from '../../src/bytes/hex.js';
import { compileRule, kernelRuleCheck, parseRuleBytes, type KernelCheckOptions, type KernelRuleVerdict } from '../../src/rules/index.js';
import { COMMON_HOST_PATHS, ruleTextArbitrary } from '../../src/rules/arbitrary.js';
import { readFixture, resolverOf, unpackHex } from './reference.js';

const rule = (text: string): AuditRuleData => compileRule(text).rule;
const check = (text: string, opts?: KernelCheckOptions): KernelRuleVerdict => kernelRuleCheck(rule(text), opts);

function refused(v: KernelRuleVerdict): { errno: number; source: string; fieldIndex: number | undefined } {
  if (v.ok) throw new Error('accepted');
  return { errno: v.errno, source: v.source, fieldIndex: v.fieldIndex };
}

/** A compiled rule with one field's fieldflags / value / list / action replaced (what libaudit would not send). */
function patched(text: string, p: { flags?: number; action?: number; op?: [number, number]; value?: [number, number] }): AuditRuleData {
  const r = rule(text);
  const fieldflags = r.fieldflags.slice();
  const values = r.values.slice();
  if (p.op !== undefined) fieldflags[p.op[0]] = p.op[1];
  if (p.value !== undefined) values[p.value[0]] = p.value[1];
  return { ...r, flags: p.flags ?? r.flags, action: p.action ?? r.action, fieldflags, values };
}

describe('audit_to_entry_common: lists and actions', () => {
  test.each([
    ['-a always,user -F pid=1'], ['-a always,task -F pid=1'], ['-a always,exit -S all'], ['-a never,exclude -F msgtype=CWD'],
    ['-a always,filesystem -F fstype=debugfs'], ['-A always,exit -S open'], ['-a always,io_uring -S 1'],
  ])('%s is on a list the kernel takes', (t) => {
    expect(check(t)).toEqual({ ok: true, hostConditions: [] });
  });
  test('AUDIT_FILTER_ENTRY (2) is deprecated, AUDIT_FILTER_WATCH (3) and 8+ are no lists, other flag bits make no list', () => {
    for (const flags of [2, 3, 8, 0x20 | 4, 0x14 | 0x20]) expect(refused(kernelRuleCheck(patched('-a always,exit -S all', { flags })))).toEqual({ errno: 22, source: 'audit_to_entry_common', fieldIndex: undefined });
    expect(kernelRuleCheck(patched('-a always,exit -S all', { flags: 0x14 })).ok).toBe(true);
  });
  test('AUDIT_POSSIBLE (1) and actions above 2 are refused', () => {
    expect(refused(check('-a possible,exit -S all')).errno).toBe(22);
    expect(refused(kernelRuleCheck(patched('-a always,exit -S all', { action: 3 }))).source).toBe('audit_to_entry_common');
  });
});

describe('audit_to_op: only the eight operator values', () => {
  test('fieldflags 0 or 0x70000000 is Audit_bad', () => {
    for (const op of [0, 0x70000000, 0x40000001]) expect(refused(kernelRuleCheck(patched('-a always,exit -S all -F pid=1', { op: [0, op] })))).toEqual({ errno: 22, source: 'audit_to_op', fieldIndex: 0 });
  });
});

describe('audit_field_valid: field × list', () => {
  test('msgtype only on the exclude and user lists', () => {
    expect(check('-a always,user -F msgtype=USER_LOGIN').ok).toBe(true);
    const r = rule('-a always,user -F msgtype=USER_LOGIN');
    expect(refused(kernelRuleCheck({ ...r, flags: 1 }))).toEqual({ errno: 22, source: 'audit_field_valid', fieldIndex: 0 });
    expect(refused(kernelRuleCheck({ ...r, flags: 4 })).errno).toBe(22);
  });
  test('fstype only on the filesystem list; the filesystem list takes only fstype and key', () => {
    expect(check('-a always,filesystem -F fstype=tracefs -F key=k').ok).toBe(true);
    expect(refused(kernelRuleCheck({ ...rule('-a always,filesystem -F fstype=tracefs'), flags: 4 })).source).toBe('audit_field_valid');
    expect(refused(check('-a always,filesystem -F pid=1')).fieldIndex).toBe(0);
    expect(refused(check('-a always,filesystem -F fstype=debugfs -F uid=0')).fieldIndex).toBe(1);
  });
  test('perm not on the io_uring list', () => {
    expect(refused(kernelRuleCheck({ ...rule('-a always,exit -S all -F perm=r'), flags: 7 })).source).toBe('audit_field_valid');
  });
  test('the exclude list takes any field the kernel knows (only libaudit restricts it)', () => {
    expect(kernelRuleCheck({ ...rule('-a always,exit -S all -F ppid=1 -F a0=3'), flags: 5 }).ok).toBe(true);
  });
  test('an unknown field id is refused', () => {
    const r = rule('-a always,exit -S all -F pid=1');
    const fields = r.fields.slice();
    fields[0] = 27;
    expect(refused(kernelRuleCheck({ ...r, fields }))).toEqual({ errno: 22, source: 'audit_field_valid', fieldIndex: 0 });
  });
});

describe('audit_field_valid: field × operator', () => {
  test.each(['uid', 'euid', 'suid', 'fsuid', 'auid', 'obj_uid', 'gid', 'egid', 'sgid', 'fsgid', 'obj_gid', 'pid', 'ppid', 'devmajor', 'exit', 'success', 'sessionid', 'saddr_fam'])(
    '%s takes <, <=, >, >= but no & or &=',
    (f) => {
      for (const op of ['=', '!=', '<', '<=', '>', '>=']) expect(check(`-a always,exit -S all -F ${f}${op}1`).ok).toBe(true);
      for (const op of ['&', '&=']) expect(refused(check(`-a always,exit -S all -F ${f}${op}1`))).toEqual({ errno: 22, source: 'audit_field_valid', fieldIndex: 0 });
    },
  );
  test.each(['a0', 'a1', 'a2', 'a3', 'pers', 'devminor'])('%s takes every operator', (f) => {
    for (const op of ['=', '!=', '<', '<=', '>', '>=', '&', '&=']) expect(check(`-a always,exit -S all -F ${f}${op}1`).ok).toBe(true);
  });
  test('msgtype takes no bitmask operator', () => {
    expect(refused(check('-a never,exclude -F msgtype&=CWD')).errno).toBe(22);
  });
  test.each([['subj_user'], ['subj_role'], ['subj_type'], ['obj_user'], ['obj_role'], ['obj_type']])('%s takes only = and !=', (f) => {
    expect(check(`-a always,exit -S all -F ${f}=x`).ok).toBe(true);
    expect(check(`-a always,exit -S all -F ${f}!=x`).ok).toBe(true);
    for (const op of ['<', '>=', '&']) expect(refused(check(`-a always,exit -S all -F ${f}${op}x`)).source).toBe('audit_field_valid');
  });
  test.each([['subj_sen'], ['subj_clr'], ['obj_lev_low'], ['obj_lev_high']])('%s takes ordering operators but no bitmask', (f) => {
    expect(check(`-a always,exit -S all -F ${f}<=s0`).ok).toBe(true);
    expect(refused(check(`-a always,exit -S all -F ${f}&s0`)).source).toBe('audit_field_valid');
  });
  test('arch, fstype, perm, filetype, field_compare, exe, key, path, dir take only = and !=', () => {
    for (const [text, i] of [
      ['-a always,exit -F arch=b64 -S all', 0], ['-a always,filesystem -F fstype=debugfs', 0], ['-a always,exit -S all -F perm=r', 0],
      ['-a always,exit -S all -F filetype=file', 0], ['-a always,exit -S all -C uid!=euid', 0], ['-a always,exit -S all -F exe=/bin/sh', 0],
      ['-a always,exit -S all -F key=k', 0],
    ] as const) {
      expect(refused(kernelRuleCheck(patched(text, { op: [i, 0x10000000] }))).errno).toBe(22);
    }
  });
  test('auid -1 (unset) is the legacy loginuid_set test: = and != only', () => {
    expect(check('-a always,exit -S all -F auid=-1').ok).toBe(true);
    expect(check('-a always,exit -S all -F auid!=unset').ok).toBe(true);
    expect(refused(check('-a always,exit -S all -F auid>=-1'))).toEqual({ errno: 22, source: 'audit_field_valid', fieldIndex: 0 });
  });
  test('loginuid_set (24) must be 0 or 1', () => {
    const r = patched('-a always,exit -S all -F pid=1', {});
    const fields = r.fields.slice();
    fields[0] = 24;
    expect(kernelRuleCheck({ ...r, fields }).ok).toBe(true);
    expect(refused(kernelRuleCheck({ ...r, fields, values: [2, ...r.values.slice(1)] })).source).toBe('audit_field_valid');
  });
});

describe('audit_field_valid: values', () => {
  test('perm beyond 15, filetype beyond S_IFMT, field_compare above 25, saddr_fam from AF_MAX 46', () => {
    expect(refused(kernelRuleCheck(patched('-a always,exit -S all -F perm=r', { value: [0, 16] }))).errno).toBe(22);
    expect(refused(kernelRuleCheck(patched('-a always,exit -S all -F filetype=file', { value: [0, 0o100001] }))).errno).toBe(22);
    expect(refused(kernelRuleCheck(patched('-a always,exit -S all -C uid!=euid', { value: [0, 26] }))).errno).toBe(22);
    expect(kernelRuleCheck(patched('-a always,exit -S all -C uid!=euid', { value: [0, 25] })).ok).toBe(true);
    expect(check('-a always,exit -S all -F saddr_fam=45').ok).toBe(true);
    expect(refused(kernelRuleCheck(patched('-a always,exit -S all -F saddr_fam=45', { value: [0, 46] }))).errno).toBe(22);
  });
});

describe('audit_data_to_entry', () => {
  test('a uid or gid of 4294967295 is no valid id (make_kuid/make_kgid); auid -1 is the loginuid_set test instead', () => {
    expect(refused(check('-a always,exit -S all -F uid=-1'))).toEqual({ errno: 22, source: 'audit_data_to_entry', fieldIndex: 0 });
    expect(refused(check('-a always,exit -S all -F obj_uid=4294967295')).errno).toBe(22);
    expect(refused(check('-a always,exit -S all -F gid=4294967295')).errno).toBe(22);
    expect(check('-a always,exit -S all -F uid=4294967294 -F gid=0').ok).toBe(true);
  });
  test('inode only on exit/io_uring, = or !=, and not with a path, dir or second inode', () => {
    expect(check('-a always,exit -S all -F inode=5').ok).toBe(true);
    expect(refused(check('-a always,exit -S all -F inode=5 -F path=/etc/x'))).toEqual({ errno: 22, source: 'audit_to_watch', fieldIndex: 1 });
    expect(refused(check('-a always,exit -S all -F dir=/etc -F inode=5'))).toEqual({ errno: 22, source: 'audit_to_inode', fieldIndex: 1 });
    expect(refused(kernelRuleCheck({ ...rule('-a always,exit -S all -F inode=5'), flags: 1 })).source).toBe('audit_to_inode');
    // audit_field_valid lets inode take < and >; audit_to_inode does not.
    expect(refused(kernelRuleCheck(patched('-a always,exit -S all -F inode=5', { op: [0, 0x10000000] })))).toEqual({ errno: 22, source: 'audit_to_inode', fieldIndex: 0 });
    expect(refused(kernelRuleCheck(patched('-a always,exit -S all -F inode=5', { op: [0, 0x08000000] }))).source).toBe('audit_field_valid');
  });
  test('one watch or dir per rule, on exit/io_uring, with =; paths start with / and a watch does not end with /', () => {
    expect(check('-w /etc/passwd -p wa')).toEqual({ ok: true, hostConditions: ['the parent directory of /etc/passwd exists (audit_add_watch; else ENOENT)'] });
    expect(check('-a always,exit -S all -F dir=/etc')).toEqual({ ok: true, hostConditions: ['/etc exists (audit_add_tree_rule; else ENOENT)'] });
    expect(refused(check('-a always,exit -S all -F path=/a -F path=/b')).fieldIndex).toBe(1);
    expect(refused(check('-a always,exit -S all -F path=/a -F dir=/b')).source).toBe('audit_make_tree');
    expect(refused(check('-a always,exit -S all -F path!=/a')).source).toBe('audit_to_watch');
    expect(refused(check('-a always,exit -S all -F dir!=/a')).source).toBe('audit_make_tree');
    expect(refused(check('-a always,exit -S all -F path=etc')).source).toBe('audit_to_watch');
    expect(refused(check('-a always,exit -S all -F path=/etc/')).source).toBe('audit_to_watch');
    expect(check('-a always,exit -S all -F dir=/etc/').ok).toBe(true);
    expect(refused(check('-a always,exit -S all -F dir=etc')).source).toBe('audit_make_tree');
    expect(refused(kernelRuleCheck({ ...rule('-a always,exit -S all -F path=/etc/x'), flags: 1 })).source).toBe('audit_to_watch');
    expect(kernelRuleCheck({ ...rule('-a always,exit -S all -F path=/etc/x'), flags: 7 }).ok).toBe(true);
  });
  test('exe on any list but filesystem, once, absolute, no trailing /', () => {
    for (const l of ['user', 'task', 'exclude']) expect(check(`-a always,${l} -F exe=/usr/bin/env`).ok).toBe(true);
    expect(refused(check('-a always,exit -S all -F exe=/a -F exe=/b')).fieldIndex).toBe(1);
    expect(refused(check('-a always,exit -S all -F exe=bin/sh')).source).toBe('audit_alloc_mark');
    expect(refused(check('-a always,exit -S all -F exe=/usr/bin/')).source).toBe('audit_alloc_mark');
  });
  test('key: at most 256 bytes, once; string lengths must fit buf (audit_unpack_string)', () => {
    const long = rule(`-a always,exit -S all -F key=${'k'.repeat(256)}`);
    expect(kernelRuleCheck(long).ok).toBe(true);
    const r = rule('-a always,exit -S all -F key=abc');
    expect(refused(kernelRuleCheck({ ...r, values: [257, ...r.values.slice(1)] })).source).toBe('audit_data_to_entry');
    expect(refused(kernelRuleCheck({ ...r, values: [4, ...r.values.slice(1)] })).source).toBe('audit_unpack_string');
    expect(refused(kernelRuleCheck({ ...r, values: [0, ...r.values.slice(1)] })).source).toBe('audit_unpack_string');
    const two = rule('-a always,exit -S all -F key=abc');
    const twice = { ...two, field_count: 2, fields: [210, 210, ...two.fields.slice(2)], values: [3, 3, ...two.values.slice(2)], fieldflags: [0x40000000, 0x40000000, ...two.fieldflags.slice(2)], strings: [two.strings[0]!, two.strings[0]!], buflen: 6 };
    expect(refused(kernelRuleCheck(twice))).toEqual({ errno: 22, source: 'audit_data_to_entry', fieldIndex: 1 });
  });
  test('a string longer than PATH_MAX is ENAMETOOLONG', () => {
    const r = rule(`-a always,exit -S all -F subj_user=${'u'.repeat(4096)}`);
    expect(kernelRuleCheck(r).ok).toBe(true);
    const big = new Uint8Array(4097).fill(0x75);
    expect(refused(kernelRuleCheck({ ...r, values: [4097, ...r.values.slice(1)], strings: [big], buflen: 4097 })).errno).toBe(36);
  });
});

describe('security_audit_rule_init per LSM', () => {
  const t = '-a always,exit -S all -F subj_type=sshd_t';
  test('no LSM hook: LSM_RET_DEFAULT is 0, the field is kept', () => {
    expect(check(t).ok).toBe(true);
    expect(check(t, { lsm: 'none' }).ok).toBe(true);
  });
  test('SELinux with a policy: its -EINVAL (unknown type, range in a level) is kept by audit_data_to_entry', () => {
    expect(check(t, { lsm: 'selinux' }).ok).toBe(true);
    expect(check('-a always,exit -S all -F subj_sen<=s0-s15', { lsm: 'selinux' }).ok).toBe(true);
  });
  test('SELinux without a policy: EOPNOTSUPP', () => {
    expect(refused(check(t, { lsm: 'selinux-no-policy' }))).toEqual({ errno: 95, source: 'selinux_audit_rule_init', fieldIndex: 0 });
  });
  test('AppArmor: subj_role =/!= needs a label it parses (host condition); other label fields are -EINVAL, kept', () => {
    expect(check(t, { lsm: 'apparmor' })).toEqual({ ok: true, hostConditions: [] });
    const v = check('-a always,exit -S all -F subj_role=unconfined', { lsm: 'apparmor' });
    expect(v.ok && v.hostConditions.length).toBe(1);
  });
  test('audit_field_valid refuses a bad operator before any LSM is asked', () => {
    for (const lsm of ['none', 'selinux', 'apparmor'] as const) expect(refused(check('-a always,exit -S all -F subj_user>u', { lsm })).source).toBe('audit_field_valid');
  });
});

/** The rules the live 6.18 kernel answered EINVAL (generated by the earlier arbitrary, seed 11). */
const KERNEL_REFUSED = [
  '-a always,exit -F arch=b64 -S all -F saddr_fam&=15 -F key=__-__7',
  '-a always,exit -S brk,getpid,getdents,create_module -F subj_type>=o_2u:f1__ -F sessionid<1848998917 -F suid>=1406819712 -F obj_uid<=63669419',
  '-a always,filesystem -F fsuid<=1272480977 -F sgid&1819382704 -F subj_role=w5_0k_46 -F a0>=0x9897F258 -F obj_uid&=378929219',
  '-a always,filesystem -F sgid<=446358747 -F fsuid>=211821566 -F gid>=2147483634 -F a1&0x66064096',
  '-a always,task -F fsuid&=1930339739',
  '-a never,exclude -F gid<2045158969 -F auid&1075789231 -F auid<415679805',
  '-a never,exclude -F msgtype!=ACCT_UNLOCK -F subj_user>j_j4_pn_:qql:m7',
  '-a never,filesystem -F pid=15 -F obj_gid=1670227345',
  '-a never,user -F obj_gid&=625922849 -F euid<=27',
  '-a never,exit -F arch=b64 -S close -F subj_role<=qd56n_0 -F key=4-.P_N.u2-. -F key=Y_-07Lx',
] as const;
/** The token each is refused at (the first field the kernel rejects). */
const REFUSED_AT = ['saddr_fam&=15', 'subj_type>=o_2u:f1__', 'fsuid<=1272480977', 'sgid<=446358747', 'fsuid&=1930339739', 'auid&1075789231', 'subj_user>j_j4_pn_:qql:m7', 'pid=15', 'obj_gid&=625922849', 'subj_role<=qd56n_0'];

describe('the rules the 6.18 kernel refused with EINVAL', () => {
  test.each(KERNEL_REFUSED.map((t, i) => [t, REFUSED_AT[i]!] as const))('%s', (text, at) => {
    for (const lsm of ['none', 'selinux', 'apparmor'] as const) expect(refused(check(text, { lsm })).errno).toBe(22);
    let err: unknown;
    try {
      compileRule(text, { kernelCheck: true });
    } catch (e) {
      err = e;
    }
    expect(isAuditError(err) && err.code === 'AUDIT_ERR_BAD_RULE').toBe(true);
    if (!isAuditError(err)) return;
    expect(err.path).toBe(at);
    expect(text.slice(err.offset, err.offset + at.length)).toBe(at);
    expect(err.message).toMatch(/^the kernel refuses .*\(EINVAL, audit_/);
  });
  test('without kernelCheck they compile, as libaudit builds them', () => {
    for (const t of KERNEL_REFUSED) expect(compileRule(t).rule.field_count).toBeGreaterThan(0);
  });
  test('kernelCheck takes the LSM too', () => {
    expect(() => compileRule('-a always,exit -S all -F subj_type=x', { kernelCheck: { lsm: 'selinux-no-policy' } })).toThrow(/EOPNOTSUPP/);
    expect(compileRule('-a always,exit -S all -F subj_type=x', { kernelCheck: true }).rule.field_count).toBe(1);
  });
});

describe('the vectors\' container and passwd rules are accepted', () => {
  test.each([
    ['-a always,exit -F arch=b64 -S clone -F a0&0x7C020000 -F key=container-create', []],
    ['-a always,exit -F arch=b64 -S unshare,setns -F key=container-config', []],
    ['-w /etc/passwd -p wa -k passwd', ['the parent directory of /etc/passwd exists (audit_add_watch; else ENOENT)']],
  ] as const)('%s', (text, needs) => {
    expect(check(text)).toEqual({ ok: true, hostConditions: needs });
    expect(compileRule(text, { kernelCheck: true }).rule).toEqual(rule(text));
  });
});

/**
 * Every Debian example rule libaudit builds (committed answers). The kernel check refuses none of
 * them; the ones it accepts only if the host has their paths are listed.
 */
describe("Debian's example rules (auditd 3.0.9, committed libaudit answers)", () => {
  const f = readFixture('debian-examples.ref.tsv');
  const built = f.rows.filter(([, a]) => a.startsWith('ok '));
  const verdicts = built.map(([line, a]) => [line, kernelRuleCheck(parseRuleBytes(fromHex(unpackHex(a.slice(3)))).rule)] as const);

  test('all 219 built rules are checked and none is refused', () => {
    expect(built.length).toBe(219);
    expect(verdicts.filter(([, v]) => !v.ok).map(([l, v]) => `${l}: ${JSON.stringify(v)}`)).toEqual([]);
  });
  test('the same with kernelCheck at compile time', () => {
    const opts = { ...resolverOf(f.users, f.groups), arch: 'x86_64', kernelCheck: true } as const;
    for (const [line] of built) expect(() => compileRule(line, opts), line).not.toThrow();
  });
  test('those that need paths on the host are watches, dirs and exe rules', () => {
    const hostDependent = verdicts.filter(([, v]) => v.ok && v.hostConditions.length > 0).map(([l]) => l);
    expect(hostDependent.length).toBeGreaterThan(50);
    for (const l of hostDependent) expect(l).toMatch(/-w |path=|dir=|exe=/);
  });
});

describe('the rule arbitraries make only rules the kernel accepts', () => {
  const RUNS = { numRuns: 300 };
  const dirs = new Set(COMMON_HOST_PATHS.dirs);
  const files = new Set(COMMON_HOST_PATHS.files);
  /** Every path a host condition names is one of COMMON_HOST_PATHS or directly below one of its directories. */
  const onHost = (cond: string): boolean => {
    const path = /(\/[^ ]*)/.exec(cond)?.[1] ?? '';
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    return cond.startsWith('the parent directory of') ? dirs.has(parent) || files.has(path) || dirs.has(path) : dirs.has(path) || files.has(path);
  };

  fcTest.prop([ruleTextArbitrary({ ioUring: true })], RUNS)('ruleTextArbitrary() (no LSM): accepted, paths from COMMON_HOST_PATHS', (text) => {
    const v = kernelRuleCheck(compileRule(text).rule);
    expect(v, text).toMatchObject({ ok: true });
    if (v.ok) for (const c of v.hostConditions) expect(onHost(c), `${text}: ${c}`).toBe(true);
    expect(text).not.toMatch(/ -F (subj|obj)_(user|role|type|sen|clr|lev)/);
  });
  fcTest.prop([ruleTextArbitrary({ lsm: 'selinux' })], RUNS)('with lsm: selinux (label fields included)', (text) => {
    expect(kernelRuleCheck(compileRule(text).rule, { lsm: 'selinux' }), text).toMatchObject({ ok: true });
  });
  fcTest.prop([ruleTextArbitrary({ lsm: 'apparmor', host: 'aarch64' })], RUNS)('with lsm: apparmor, on aarch64', (text) => {
    const v = kernelRuleCheck(compileRule(text, { arch: 'aarch64' }).rule, { lsm: 'apparmor' });
    expect(v, text).toMatchObject({ ok: true });
  });
  fcTest.prop([ruleTextArbitrary({ paths: 'random' })], RUNS)("with paths: 'random' (only the paths are host-dependent)", (text) => {
    expect(kernelRuleCheck(compileRule(text).rule), text).toMatchObject({ ok: true });
  });
  fcTest.prop([ruleArbitrary()], RUNS)('ruleArbitrary() from audit-netlink/arbitraries, also through compile({ kernelCheck: true })', (r) => {
    expect(kernelRuleCheck(r.rule), r.text).toMatchObject({ ok: true });
    expect(compileRule(r.text, { kernelCheck: true }).rule).toEqual(r.rule);
  });
  test('the lead\'s probe (count 200, seed 11 of the rule arbitrary) has no EINVAL rule any more', () => {
    const rules = fc.sample(ruleArbitrary(), { numRuns: 200, seed: 11 });
    expect(rules.filter((r) => !kernelRuleCheck(r.rule).ok).map((r) => r.text)).toEqual([]);
  });
});
