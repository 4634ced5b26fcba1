import fc from 'fast-check';
import { ERRNO_NAMES } from '../tables/errno.js';
import { LIBAUDIT_MSG_TYPES, LIBAUDIT_SYSCALLS } from '../tables/libaudit.generated.js';
import { determineMachine, machineName, syscallName, syscallNumber } from './machines.js';
import { COMPARISONS, PERM_LETTERS } from './tables.js';

/**
 * fast-check arbitraries of valid auditctl rules, written the way `auditctl -l` prints them (so
 * `explainRule(compileRule(text).rule) === text`). They cover every list libaudit 3.0.9 knows,
 * every field a list allows with the operators libaudit allows, `-S` per arch, `-C`, watches and
 * several keys. Fields whose listing cannot be compiled back (filetype, `unset`, names that print
 * as numbers) are left out; the differential test feeds those to libaudit separately.
 */
export interface RuleArbitraryOptions {
  /** Host machine for `b32`/`b64` and rules without `-F arch`. Default `x86_64`. */
  readonly host?: string;
  /** Also make `io_uring` list rules (audit-userspace 3.1; libaudit 3.0.9 refuses them). Default false. */
  readonly ioUring?: boolean;
}

type Op = '=' | '!=' | '<' | '>' | '<=' | '>=' | '&' | '&=';
const ALL_OPS: readonly Op[] = ['=', '!=', '<', '>', '<=', '>=', '&', '&='];
const EQ_OPS: readonly Op[] = ['=', '!='];

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
const label = fc.array(word, { minLength: 1, maxLength: 3 }).map((p) => p.join(':'));
const absPath = fc.array(fc.stringMatching(/^[a-zA-Z0-9_.-]{1,8}$/), { minLength: 1, maxLength: 4 }).map((p) => `/${p.join('/')}`);
const keyText = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,20}$/);
const signedDec = fc.integer({ min: -1, max: 0x7fffffff }).map(String);
const natDec = fc.integer({ min: 0, max: 0x7fffffff }).map(String);
const errnoNames = [...ERRNO_NAMES.values()];

function field(name: string, ops: readonly Op[], value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...ops), value).map(([op, v]) => ` -F ${name}${op}${v}`);
}

const UID_FIELDS = ['uid', 'euid', 'suid', 'fsuid', 'auid', 'obj_uid'];
const GID_FIELDS = ['gid', 'egid', 'sgid', 'fsgid', 'obj_gid'];
const SUBJ = ['subj_user', 'subj_role', 'subj_type', 'subj_sen', 'subj_clr'];
const OBJ = ['obj_user', 'obj_role', 'obj_type', 'obj_lev_low', 'obj_lev_high'];

/** Field generators by list; `exit` adds the exit-only ones. */
function fieldsFor(list: string): fc.Arbitrary<string>[] {
  const subj = SUBJ.map((n) => field(n, ALL_OPS, label));
  // auditctl -l prints path, dir and exe with `=` whatever the operator, so only `=` lists back.
  const exe = field('exe', ['='], absPath);
  const msgtype = field('msgtype', ALL_OPS, fc.constantFrom(...LIBAUDIT_MSG_TYPES.map(([, s]) => s)));
  if (list === 'exclude') {
    return [field('pid', ALL_OPS, natDec), field('uid', ALL_OPS, signedDec), field('gid', ALL_OPS, natDec), field('auid', ALL_OPS, signedDec), msgtype, exe, ...subj];
  }
  const common = [
    ...UID_FIELDS.map((n) => field(n, ALL_OPS, signedDec)),
    ...GID_FIELDS.map((n) => field(n, ALL_OPS, natDec)),
    field('pid', ALL_OPS, natDec), field('pers', ALL_OPS, natDec),
    ...['a0', 'a1', 'a2', 'a3'].map((n) => field(n, ALL_OPS, fc.nat({ max: 0xffffffff }).map((v) => `0x${v.toString(16).toUpperCase()}`))),
    field('saddr_fam', ALL_OPS, fc.integer({ min: 0, max: 45 }).map(String)),
    exe, ...subj,
  ];
  if (list === 'user') return [...common, msgtype, field('sessionid', ALL_OPS, natDec)];
  if (list === 'task') return common;
  if (list === 'filesystem') return [...common, field('fstype', EQ_OPS, fc.constantFrom('debugfs', 'tracefs'))];
  return [
    ...common,
    field('sessionid', ALL_OPS, natDec),
    ...OBJ.map((n) => field(n, ALL_OPS, label)),
    field('ppid', ALL_OPS, natDec), field('devmajor', ALL_OPS, natDec), field('devminor', ALL_OPS, natDec),
    field('success', ALL_OPS, fc.constantFrom('0', '1')),
    field('inode', EQ_OPS, fc.nat({ max: 0xffffffff }).map(String)),
    field('exit', ALL_OPS, fc.oneof(fc.constantFrom(...errnoNames).map((e) => `-${e}`), fc.nat({ max: 4095 }).map(String))),
    field('path', ['='], absPath), field('dir', ['='], absPath),
    fc.constantFrom(...perms()).map((p) => ` -F perm=${p}`),
    fc.tuple(fc.constantFrom(...COMPARISONS), fc.constantFrom('=', '!=')).map(([[, l, r], op]) => ` -C ${l}${op}${r}`),
  ];
}

function perms(): string[] {
  const out: string[] = [];
  for (let m = 1; m < 16; m++) out.push(PERM_LETTERS.filter(([, b]) => (m & b) !== 0).map(([l]) => l).join(''));
  return out;
}

/** Syscall names that list back as themselves on `machine` (one name per number). */
function printableSyscalls(machine: number): readonly (readonly [number, string])[] {
  const name = machineName(machine);
  const rows = name === undefined ? [] : (LIBAUDIT_SYSCALLS[name] ?? []);
  return rows.filter(([n, s]) => syscallName(n, machine) === s && syscallNumber(s, machine) === n);
}

function syscallPart(machine: number): fc.Arbitrary<string> {
  const table = printableSyscalls(machine);
  return fc.uniqueArray(fc.constantFrom(...table), { minLength: 1, maxLength: 6, selector: ([n]) => n })
    .map((picked) => ` -S ${[...picked].sort((a, b) => a[0] - b[0]).map(([, s]) => s).join(',')}`);
}

const keys = fc.array(keyText, { minLength: 1, maxLength: 3 }).filter((k) => k.join('\x01').length <= 256);

/**
 * Valid rules in `auditctl -l` form.
 *
 * @example
 * fc.sample(ruleTextArbitrary(), 1)[0] // e.g. '-a always,exit -F arch=b64 -S open -F uid=0 -F key=k'
 */
export function ruleTextArbitrary(options: RuleArbitraryOptions = {}): fc.Arbitrary<string> {
  const host = options.host ?? 'x86_64';
  const action = fc.constantFrom('always', 'never');
  const watch = fc.tuple(absPath, fc.constantFrom(...perms()), fc.array(keyText, { maxLength: 3 }))
    .map(([p, perm, ks]) => `-w ${p} -p ${perm}${ks.map((k) => ` -k ${k}`).join('')}`);
  const exit = fc.tuple(action, fc.constantFrom('b64', 'b32', ''), fc.boolean()).chain(([act, bits, all]) => {
    const machine = determineMachine(bits === '' ? host : bits, host);
    const sys = all && bits !== '' ? fc.constant(' -S all') : syscallPart(machine);
    const arch = bits === '' ? '' : ` -F arch=${bits}`;
    return fc.tuple(sys, fc.array(fc.oneof(...fieldsFor('exit')), { maxLength: 5 }), fc.option(keys, { nil: undefined }))
      .map(([s, fs, ks]) => `-a ${act},exit${arch}${s}${fs.join('')}${(ks ?? []).map((k) => ` -F key=${k}`).join('')}`);
  });
  const other = fc.tuple(action, fc.constantFrom('user', 'task', 'exclude', 'filesystem')).chain(([act, list]) =>
    fc.tuple(fc.array(fc.oneof(...fieldsFor(list)), { minLength: 1, maxLength: 5 }), fc.option(keys, { nil: undefined })).map(([fs, ks]) => {
      const keyed = ks !== undefined && list !== 'exclude' && fs.some((f) => f.startsWith(' -F exe') || f.startsWith(' -F fstype'));
      return `-a ${act},${list}${fs.join('')}${keyed ? ks.map((k) => ` -F key=${k}`).join('') : ''}`;
    }));
  const uring = fc.tuple(action, fc.uniqueArray(fc.nat({ max: 63 }), { minLength: 1, maxLength: 4 }), fc.array(fc.oneof(...fieldsFor('task')), { maxLength: 3 }), fc.option(keys, { nil: undefined }))
    .map(([act, ops, fs, ks]) => `-a ${act},io_uring -S ${[...ops].sort((a, b) => a - b).join(',')}${fs.join('')}${(ks ?? []).map((k) => ` -F key=${k}`).join('')}`);
  return options.ioUring === true ? fc.oneof(watch, exit, other, uring) : fc.oneof(watch, exit, other);
}
