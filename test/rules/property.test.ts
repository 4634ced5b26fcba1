import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isAuditError } from '../../src/bytes/errors.js';
import { toHex } from '../../src/bytes/hex.js';
import { ruleTextArbitrary } from '../../src/rules/arbitrary.js';
import { compileRule, explainRule, normalizeAsKernel, parseRuleBytes, ruleMessage, rulesInDatagram, ruleToBytes } from '../../src/rules/index.js';

const RUNS = { numRuns: 300 };

describe('rules round trip', () => {
  test.prop([ruleTextArbitrary({ ioUring: true, lsm: 'selinux' })], RUNS)('explain(compile(text)) is the canonical text', (text) => {
    expect(explainRule(compileRule(text).rule)).toBe(text);
  });

  test.prop([ruleTextArbitrary({ ioUring: true, lsm: 'selinux', paths: 'random' })], RUNS)('compile(explain(rule)) gives the same bytes, also after the kernel normalises the rule', (text) => {
    const rule = compileRule(text).rule;
    expect(toHex(ruleToBytes(compileRule(explainRule(rule)).rule))).toBe(toHex(ruleToBytes(rule)));
    const listed = normalizeAsKernel(rule);
    expect(toHex(ruleToBytes(normalizeAsKernel(compileRule(explainRule(listed)).rule)))).toBe(toHex(ruleToBytes(listed)));
  });

  test.prop([ruleTextArbitrary({ host: 'aarch64' })], RUNS)('on an aarch64 host too', (text) => {
    expect(explainRule(compileRule(text, { arch: 'aarch64' }).rule, { arch: 'aarch64' })).toBe(text);
  });

  test.prop([ruleTextArbitrary(), fc.boolean(), fc.nat({ max: 0xffffffff })], RUNS)(
    'the netlink message and the bare struct decode to the same rule, in either byte order',
    (text, littleEndian, seq) => {
      const compiled = compileRule(text);
      const msg = ruleMessage(compiled, { seq, littleEndian });
      expect(msg.length % 4).toBe(0);
      const fromMsg = parseRuleBytes(msg, littleEndian);
      expect(fromMsg.nlmsgType).toBe(compiled.op === 'add' ? 1011 : 1012);
      expect(explainRule(fromMsg.rule)).toBe(text);
      expect(explainRule(parseRuleBytes(ruleToBytes(compiled.rule, littleEndian), littleEndian).rule)).toBe(text);
    },
  );
});

const token = fc.oneof(
  fc.constantFrom('-a', '-A', '-d', '-S', '-F', '-C', '-k', '-w', '-W', '-p', 'always,exit', 'exit,never', 'task,always', 'all', 'open,close', 'arch=b64', 'uid=0', 'key=x', 'perm=wa', '/etc', 'uid!=euid'),
  fc.string({ maxLength: 12 }),
);

describe('bad input never crashes', () => {
  test.prop([fc.array(token, { maxLength: 10 })], RUNS)('compileRule either compiles or throws AUDIT_ERR_BAD_RULE', (args) => {
    try {
      compileRule(args);
    } catch (e) {
      expect(isAuditError(e) && e.code === 'AUDIT_ERR_BAD_RULE').toBe(true);
    }
  });

  test.prop([fc.uint8Array({ minLength: 0, maxLength: 1200 }), fc.boolean()], RUNS)(
    'parseRuleBytes and rulesInDatagram throw only AuditError on random bytes, and what they decode can be explained',
    (bytes, littleEndian) => {
      const big = new Uint8Array(1040 + bytes.length);
      big.set(bytes);
      for (const input of [bytes, big]) {
        try {
          expect(typeof explainRule(parseRuleBytes(input, littleEndian).rule)).toBe('string');
        } catch (e) {
          expect(isAuditError(e)).toBe(true);
        }
        try {
          for (const rule of rulesInDatagram(input, littleEndian)) expect(typeof explainRule(rule)).toBe('string');
        } catch (e) {
          expect(isAuditError(e)).toBe(true);
        }
      }
    },
  );
});
