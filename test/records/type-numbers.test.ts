import { describe, expect, test } from 'vitest';
import { getDialect } from '../../src/audit/dialects/index.js';
import { AuditError, AuditErrorCode } from '../../src/bytes/errors.js';
import { formatLogLine, hexToText, parseLogLine, upperHexToText } from '../../src/records/index.js';

describe('parseLogLine typeNumbers (a patched kernel’s type names)', () => {
  const op = 'type=CONTAINER_OP msg=audit(1700000000.123:77): op=set opid=1234 contid=123456 old-contid=18446744073709551615 auid=0 uid=0 res=1';
  const id = 'type=CONTAINER_ID msg=audit(1700000000.123:77): contid=123456';
  const ns = 'node=h1 type=NS_INIT_MNT msg=audit(1700000000.123:78): old_inode=4026531840 inode=4026531840';

  test('mainline alone rejects the names it does not know', () => {
    for (const line of [op, id, ns]) {
      let err: unknown;
      try {
        parseLogLine(line);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AuditError);
      expect((err as AuditError).code).toBe(AuditErrorCode.BAD_RECORD);
    }
  });

  test('a dialect’s typeNumbers give the numbers, and the line formats back byte for byte', () => {
    const v11 = { typeNumbers: getDialect('ghak90-v11').typeNumbers };
    const a = parseLogLine(op, v11);
    expect(a.type).toBe(1020);
    expect(a.typeName).toBe('CONTAINER_OP');
    expect(a.fields.map((f) => f.name)).toEqual(['op', 'opid', 'contid', 'old-contid', 'auid', 'uid', 'res']);
    const b = parseLogLine(id, v11);
    expect(b.type).toBe(1336);
    expect(parseLogLine(id, { typeNumbers: getDialect('ghak90-v8').typeNumbers }).type).toBe(1335);
    const c = parseLogLine(ns, { typeNumbers: getDialect('ns-2015').typeNumbers });
    expect(c.type).toBe(1330);
    expect(c.node).toBe('h1');
    expect(formatLogLine(c)).toBe(ns);
  });

  test('a plain map works, and mainline names still parse with it', () => {
    const mine = new Map([['MY_TYPE', 1399]]);
    expect(parseLogLine('type=MY_TYPE msg=audit(1.000:1): a=1', { typeNumbers: mine }).type).toBe(1399);
    expect(parseLogLine('type=CWD msg=audit(1.000:1): cwd="/"', { typeNumbers: mine }).type).toBe(1307);
  });
});

describe('upperHexToText', () => {
  test('agrees with hexToText on upper-case hex, ASCII or not, and refuses the rest', () => {
    for (const h of ['2F746D70', '6C73002D6C61', 'C3A9', 'FF00', 'E282AC41', '41'.repeat(5000)]) expect(upperHexToText(h)).toBe(hexToText(h));
    for (const h of ['', 'ABC', 'c000003e', '2f74', 'GG', '2F 7']) expect(upperHexToText(h)).toBeNull();
  });
});
