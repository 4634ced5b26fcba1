import fc from 'fast-check';
import type { FieldInput, RecordInput } from '../../src/records/index.js';

/** Names that would break a parser storing fields in a plain object. */
export const HOSTILE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const KNOWN_NAMES = ['arch', 'syscall', 'comm', 'exe', 'name', 'key', 'cwd', 'a0', 'a1', 'a2[0]', 'a2_len', 'proctitle',
  'data', 'op', 'res', 'acct', 'hostname', 'subj', 'old-auid', 'nl-mcgrp', 'saddr', ...HOSTILE_NAMES];

export const arbName = fc.oneof(
  fc.constantFrom(...KNOWN_NAMES),
  fc.stringMatching(/^[a-z_][a-z0-9_\-[\]]{0,11}$/),
);

/** Any text: spaces, quotes, controls, non-ASCII, 0x1D, newlines, NULs. */
export const arbAnyText = fc.string({ unit: 'binary', maxLength: 24 });

/** Text a kernel writes bare: no space, quote, apostrophe or the msg separators. */
export const arbBare = fc.stringMatching(/^[A-Za-z0-9_:./+@-]{0,16}$/);

export const arbTime = fc.record({ sec: fc.integer({ min: 0, max: 2 ** 40 }), msec: fc.integer({ min: 0, max: 999 }) });

const arbValue = fc.oneof(
  arbAnyText,
  arbBare,
  fc.integer({ min: -(2 ** 31), max: 2 ** 32 }),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  fc.constant(null),
  fc.uint8Array({ maxLength: 12 }),
);

function field(inMsg: boolean): fc.Arbitrary<FieldInput> {
  return fc.record({ name: arbName, value: arbValue }).map((f) => {
    // A free-form string only goes to untrusted fields; elsewhere the kernel prints bare text.
    const value = typeof f.value === 'string' && !isUntrustedName(f.name) && !/^[A-Za-z0-9_:./+@-]*$/.test(f.value) ? 'x' : f.value;
    return inMsg ? { name: f.name, value, inMsg } : { name: f.name, value };
  });
}

function isUntrustedName(name: string): boolean {
  return ['comm', 'exe', 'name', 'key', 'cwd', 'proctitle', 'data', 'acct'].includes(name);
}

const arbEnriched = fc.array(
  fc.record({
    name: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,7}$/),
    raw: fc.oneof(fc.constantFrom('"root"', '"unset"', 'x86_64', 'openat', '{ saddr_fam=inet laddr=127.0.0.1 lport=80 }', '{ fam=local path=/a }'), arbBare.map((s) => `"${s}"`)),
  }),
  { minLength: 1, maxLength: 4 },
);

/** Records of several shapes: kernel, EXECVE, user messages with msg='...', unknown types, ENRICHED. */
export const arbRecordInput: fc.Arbitrary<RecordInput> = fc
  .record({
    type: fc.constantFrom(1300, 1302, 1307, 1309, 1327, 1320, 1400, 1112, 1123, 1005, 2100, 9999),
    time: arbTime,
    serial: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    node: fc.option(fc.stringMatching(/^[a-z0-9.-]{1,12}$/), { nil: undefined }),
    outer: fc.array(field(false), { maxLength: 6 }),
    inner: fc.array(field(true), { maxLength: 6 }),
    enriched: fc.option(arbEnriched, { nil: undefined }),
  })
  .map((x) => {
    const fields = [...x.outer, ...(x.type === 1112 || x.type === 1123 || x.type === 1005 || x.type === 2100 ? x.inner : [])];
    return {
      type: x.type,
      time: x.time,
      serial: x.serial,
      fields,
      ...(x.node === undefined ? {} : { node: x.node }),
      ...(x.enriched === undefined ? {} : { enriched: x.enriched }),
    };
  });

const SEP = fc.constantFrom(' ', ' ', ' ', '  ', '   ');

/** Kernel-shaped log lines: random separators, words that are not fields, msg='...', ENRICHED. */
export const arbLogLine: fc.Arbitrary<string> = fc
  .record({
    node: fc.option(fc.stringMatching(/^[a-z0-9.-]{1,12}$/), { nil: undefined }),
    type: fc.constantFrom('SYSCALL', 'PATH', 'EXECVE', 'AVC', 'USER_LOGIN', 'CWD', 'EOE', 'UNKNOWN[1999]', 'DAEMON_START'),
    time: arbTime,
    serial: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    colon: fc.boolean(),
    tokens: fc.array(
      fc.tuple(
        SEP,
        fc.oneof(
          fc.tuple(arbName, fc.oneof(arbBare, arbBare.map((s) => `"${s}"`), fc.constantFrom('(null)', '(none)', '?', '2F746D702F612062', ''))).map(([n, v]) => `${n}=${v}`),
          fc.constantFrom('avc:', 'denied', '{', 'read', '}', 'for', 'user', '=x', 'changed,'),
        ),
      ),
      { maxLength: 8 },
    ),
    msg: fc.option(fc.array(fc.tuple(SEP, fc.tuple(arbName, arbBare).map(([n, v]) => `${n}=${v}`)), { maxLength: 5 }), { nil: undefined }),
    trailing: fc.constantFrom('', ' '),
    enriched: fc.option(arbEnriched, { nil: undefined }),
  })
  .map((x) => {
    let line = `${x.node === undefined ? '' : `node=${x.node} `}type=${x.type} msg=audit(${x.time.sec}.${String(x.time.msec).padStart(3, '0')}:${x.serial})${x.colon ? ':' : ''}`;
    for (const [sep, tok] of x.tokens) line += sep + tok;
    if (x.msg !== undefined) line += ` msg='${x.msg.map(([s, t], i) => (i === 0 ? t : s + t)).join('')}'`;
    line += x.trailing;
    if (x.enriched !== undefined) line += `\x1d${x.enriched.map((e) => `${e.name}=${e.raw}`).join(' ')}`;
    return line;
  });
