import { describe, expect, test } from 'vitest';
import { AuditError, AuditErrorCode } from '../../src/bytes/errors.js';
import { formatLogLine, parseLogLine, recordFromJson, recordToJson } from '../../src/records/index.js';
import { interpretField, recordJsonWithInterpretation } from '../../src/interpret/index.js';

const line = "node=n1 type=USER_LOGIN msg=audit(1700000002.000:4244): pid=2000 uid=0 auid=1000 ses=4 subj=unconfined msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=192.0.2.10 addr=192.0.2.10 terminal=/dev/pts/1 res=success'";

describe('JSON Lines part of a record (docs/records.md)', () => {
  test('the documented shape', () => {
    const j = recordToJson(parseLogLine(line));
    expect(j).toMatchObject({ type: 1112, type_name: 'USER_LOGIN', node: 'n1', time: { sec: 1700000002, msec: 0 }, serial: 4244, tail: "'" });
    expect(j.fields[0]).toEqual({ name: 'pid', raw: '2000', value: '2000', form: 'bare' });
    expect(j.fields[5]).toEqual({ name: 'op', raw: 'login', value: 'login', form: 'bare', in_msg: true, sep: " msg='" });
    expect(j.fields[7]).toEqual({ name: 'exe', raw: '"/usr/sbin/sshd"', value: '/usr/sbin/sshd', form: 'quoted', in_msg: true });
  });

  test('interpreted values ride along', () => {
    const j = recordJsonWithInterpretation(parseLogLine('type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=272 a0=10000000'));
    expect(j.fields.map((f) => f.interp)).toEqual(['x86_64', 'unshare', 'CLONE_NEWUSER']);
  });

  test('from JSON back to the same line', () => {
    const r = recordFromJson(JSON.parse(JSON.stringify(recordToJson(parseLogLine(line)))));
    expect(formatLogLine(r)).toBe(line);
  });

  test('JSON with values only is encoded the way the kernel would', () => {
    const r = recordFromJson({ type: 1307, time: { sec: 1, msec: 2 }, serial: 3, fields: [{ name: 'cwd', value: '/a b' }] });
    expect(formatLogLine(r)).toBe('type=CWD msg=audit(1.002:3): cwd=2F612062');
    expect(interpretField(r, r.fields[0]!)).toBe('/a b');
  });

  test.each([
    [{}, 'type'],
    [{ type: 1300, time: { sec: 1, msec: 1000 }, serial: 1, fields: [] }, 'time.msec'],
    [{ type: 1300, time: { sec: 1, msec: 1 }, serial: -1, fields: [] }, 'serial'],
    [{ type: 1300, time: { sec: 1, msec: 1 }, serial: 1, fields: {} }, 'fields'],
    [{ type: 1300, time: { sec: 1, msec: 1 }, serial: 1, fields: [{ name: 'a', value: {} }] }, 'fields[0].value'],
    [{ type: 1300, type_name: 'CWD', time: { sec: 1, msec: 1 }, serial: 1, fields: [] }, 'type_name'],
  ])('bad JSON %# is BAD_JSON at %s', (j, path) => {
    try {
      recordFromJson(j);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AuditError);
      expect((e as AuditError).code).toBe(AuditErrorCode.BAD_JSON);
      expect((e as AuditError).path).toBe(path);
    }
  });
});
