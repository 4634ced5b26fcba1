import { describe, expect, test } from 'vitest';
import { AuditError, AuditErrorCode } from '../../src/bytes/errors.js';
import {
  avcDecision, buildRecord, formatLogLine, formatRecordPayload, isLastRecord, parseLogLine, parseRecordPayload, untrustedFields,
} from '../../src/records/index.js';
import { HOSTILE_NAMES } from './arbitraries.js';

function errorOf(f: () => unknown): AuditError {
  try {
    f();
  } catch (e) {
    if (e instanceof AuditError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('the record header', () => {
  test('netlink payload form (reference §4.1)', () => {
    const r = parseRecordPayload('audit(1700000000.123:4242): arch=c000003e syscall=59', 1300);
    expect(r).toMatchObject({ type: 1300, typeName: 'SYSCALL', time: { sec: 1700000000, msec: 123 }, serial: 4242 });
    expect(r.node).toBeUndefined();
  });

  test('bytes are accepted, trailing NULs of user messages dropped', () => {
    const bytes = new TextEncoder().encode("audit(1.002:3): pid=1 msg='hello'\0\0");
    const r = parseRecordPayload(bytes, 1005);
    expect(formatRecordPayload(r)).toBe("audit(1.002:3): pid=1 msg='hello'");
  });

  test('EOE: the body is empty and the payload ends with a space', () => {
    const r = parseRecordPayload('audit(1795547277.778:2): ', 1320);
    expect(r.fields).toEqual([]);
    expect(r.tail).toBe(' ');
    expect(formatLogLine(r)).toBe('type=EOE msg=audit(1795547277.778:2): ');
    expect(formatLogLine(r, { auditd: true })).toBe('type=EOE msg=audit(1795547277.778:2):');
  });

  test('node= prefix and UNKNOWN[n]', () => {
    const r = parseLogLine('node=host-1 type=UNKNOWN[1999] msg=audit(5.006:7): a=b');
    expect(r).toMatchObject({ node: 'host-1', type: 1999, typeName: 'UNKNOWN[1999]' });
  });

  test.each([
    ['type=SYSCALL msg=audit(1.23:4): a=b', 'time.msec', 25],
    ['type=SYSCALL msg=audit(01.234:4): a=b', 'time.sec', 23],
    ['type=SYSCALL msg=audit(1.234:): a=b', 'serial', 29],
    ['type=SYSCALL msg=audit(1.234:4294967296): a=b', 'serial', 38],
    ['type=SYSCALL msg=audit(1.234:4)x a=b', 'header', 31],
    ['type=NOPE msg=audit(1.234:4): a=b', 'type', 5],
    ['type=SYSCALL', 'type', 5],
    ['node=x', 'node', 5],
    ['SYSCALL msg=audit(1.234:4):', 'type', 0],
  ])('%s is BAD_RECORD at %s, offset %d (sec starts at 23)', (line, path, offset) => {
    const e = errorOf(() => parseLogLine(line));
    expect(e.code).toBe(AuditErrorCode.BAD_RECORD);
    expect(e.path).toBe(path);
    expect(e.offset).toBe(offset);
  });
});

describe('fields (reference §4.2–4.3)', () => {
  test('hex-encoded untrusted strings: a space forces hex', () => {
    const r = parseRecordPayload('audit(1.000:1): item=0 name=2F746D702F6120622E747874 nametype=NORMAL', 1302);
    expect(r.fields[1]).toEqual({ name: 'name', raw: '2F746D702F6120622E747874', value: '/tmp/a b.txt', form: 'hex', inMsg: false, sep: ' ' });
  });

  test('a bare hex-looking value of a numeric field is not a string', () => {
    const r = parseRecordPayload('audit(1.000:1): arch=C000003E a0=ABCD', 1300);
    expect(r.fields.map((f) => f.form)).toEqual(['bare', 'bare']);
  });

  test('quoted, null tokens and empty values', () => {
    const r = parseRecordPayload('audit(1.000:1): comm="bash" exe=(null) tty=(none) hostname=? key= cwd=""', 1300);
    expect(r.fields.map((f) => [f.form, f.value])).toEqual([['quoted', 'bash'], ['null', null], ['null', null], ['null', null], ['bare', ''], ['quoted', '']]);
  });

  test('double spaces and non-field words stay in the separators', () => {
    const line = 'type=AVC msg=audit(1170021493.977:293): avc:  denied  { read } for  pid=13010 comm="pickup" name="maildrop" dev=hda7 ino=14911367 scontext=system_u:system_r:postfix_pickup_t:s0 tcontext=system_u:object_r:postfix_spool_maildrop_t:s0 tclass=dir';
    const r = parseLogLine(line);
    expect(r.fields[0]).toMatchObject({ name: 'pid', sep: ' avc:  denied  { read } for  ' });
    expect(avcDecision(r)).toEqual({ result: 'denied', perms: 'read' });
    expect(formatLogLine(r)).toBe(line);
  });

  test("msg='...' is parsed up to the last ' of the record (reference §4.6)", () => {
    const line = "type=USER_ACCT msg=audit(1170021601.340:294): user pid=13015 uid=0 auid=4294967295 subj=system_u:system_r:crond_t:s0-s0:c0.c1023 msg='PAM: accounting acct=root : exe=\"/usr/sbin/crond\" hostname=? addr=? terminal=cron res=success'";
    const r = parseLogLine(line);
    expect(r.fields.map((f) => `${f.inMsg ? 'msg.' : ''}${f.name}`)).toEqual(['pid', 'uid', 'auid', 'subj', 'msg.acct', 'msg.exe', 'msg.hostname', 'msg.addr', 'msg.terminal', 'msg.res']);
    expect(r.fields[0]?.sep).toBe(' user ');
    expect(r.fields[4]?.sep).toBe(" msg='PAM: accounting ");
    expect(r.tail).toBe("'");
    expect(formatLogLine(r)).toBe(line);
  });

  test("a ' inside the message does not end it", () => {
    const r = parseLogLine("type=USER msg=audit(1.000:1): pid=1 msg='text=it's a=b'");
    expect(r.fields.map((f) => [f.name, f.raw])).toEqual([['pid', '1'], ['text', "it's"], ['a', 'b']]);
  });

  test('old PAM parentheses are separators, as libauparse reads them', () => {
    const r = parseLogLine("type=USER_START msg=audit(1.000:1): pid=1 msg='PAM: session open acct=root : exe=\"/usr/sbin/crond\" (hostname=?, addr=?, terminal=cron res=success)'");
    expect(r.fields.slice(2).map((f) => [f.name, f.raw])).toEqual([['exe', '"/usr/sbin/crond"'], ['hostname', '?'], ['addr', '?'], ['terminal', 'cron'], ['res', 'success']]);
  });

  test('inside a message (null) keeps its parenthesis, (x) does not (libauparse)', () => {
    const r = parseLogLine("type=USER_CMD msg=audit(1.000:2): pid=1 msg='cwd=(null) a=b, c=d) e=(x)'");
    expect(r.fields.map((f) => [f.name, f.raw, f.form])).toEqual([['pid', '1', 'bare'], ['cwd', '(null)', 'null'], ['a', 'b', 'bare'], ['c', 'd', 'bare'], ['e', '(x', 'bare']]);
  });

  test('daemon records without the colon after the stamp', () => {
    const line = 'type=DAEMON_CONFIG msg=audit(1490239800.477:34) config changed, auid=0 pid=1512 res=success';
    const r = parseLogLine(line);
    expect(r.headerColon).toBe(false);
    expect(r.fields.map((f) => f.name)).toEqual(['auid', 'pid', 'res']);
    expect(formatLogLine(r)).toBe(line);
  });

  test('ENRICHED suffix: upper-case fields whose values may hold spaces and braces', () => {
    const line = 'type=SOCKADDR msg=audit(1.000:1): saddr=02000050A9FEA9FE0000000000000000\x1dSADDR={ saddr_fam=inet laddr=169.254.169.254 lport=80 } AUID="root"';
    const r = parseLogLine(line);
    expect(r.enriched?.map((f) => [f.name, f.value])).toEqual([['SADDR', '{ saddr_fam=inet laddr=169.254.169.254 lport=80 }'], ['AUID', 'root']]);
    expect(formatLogLine(r)).toBe(line);
  });

  test.each(HOSTILE_NAMES)('%s is an ordinary field name', (name) => {
    const r = parseLogLine(`type=SYSCALL msg=audit(1.000:1): ${name}=1 ${name}=2`);
    expect(r.fields.map((f) => [f.name, f.raw])).toEqual([[name, '1'], [name, '2']]);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });

  test('a patched kernel can name more untrusted fields', () => {
    const text = 'audit(1.000:1): my_path=2F612062';
    expect(parseRecordPayload(text, 1300).fields[0]?.form).toBe('bare');
    expect(parseRecordPayload(text, 1300, { untrusted: untrustedFields(['my_path']) }).fields[0]?.value).toBe('/a b');
  });
});

describe('buildRecord writes what the kernel writes (reference §4.3)', () => {
  const base = { type: 1300, time: { sec: 1700000000, msec: 5 }, serial: 9 };
  test('untrusted values: quoted unless a byte needs hex', () => {
    const r = buildRecord({ ...base, fields: [
      { name: 'comm', value: 'bash' }, { name: 'exe', value: '/tmp/a b' }, { name: 'key', value: 'a"b' },
      { name: 'name', value: 'é' }, { name: 'key', value: null }, { name: 'tty', value: null }, { name: 'pid', value: 12 },
      { name: 'a0', value: 'ffff' }, { name: 'proctitle', value: 'ls\0-l' }, { name: 'saddr', value: new Uint8Array([2, 0]) },
    ] });
    expect(formatRecordPayload(r)).toBe(
      'audit(1700000000.005:9): comm="bash" exe=2F746D702F612062 key=61226 2 name=C3A9 key=(null) tty=? pid=12 a0=ffff proctitle=6C73002D6C saddr=0200'.replace('61226 2', '612262'),
    );
  });

  test('EXECVE arguments are untrusted strings, argc is not', () => {
    const r = buildRecord({ type: 1309, time: { sec: 1, msec: 0 }, serial: 2, fields: [{ name: 'argc', value: 2 }, { name: 'a0', value: 'cat' }, { name: 'a1', value: 'my file' }] });
    expect(formatLogLine(r)).toBe('type=EXECVE msg=audit(1.000:2): argc=2 a0="cat" a1=6D792066696C65');
  });

  test("user message fields go inside msg='...'", () => {
    const r = buildRecord({ type: 1112, time: { sec: 2, msec: 0 }, serial: 3, fields: [
      { name: 'pid', value: 1 }, { name: 'op', value: 'login', inMsg: true }, { name: 'exe', value: '/usr/sbin/sshd', inMsg: true }, { name: 'res', value: 'success', inMsg: true },
    ] });
    expect(formatLogLine(r)).toBe("type=USER_LOGIN msg=audit(2.000:3): pid=1 msg='op=login exe=\"/usr/sbin/sshd\" res=success'");
  });

  test('names and bare values the text cannot carry are ENCODE errors with the field path', () => {
    expect(errorOf(() => buildRecord({ ...base, fields: [{ name: 'a b', value: 1 }] }))).toMatchObject({ code: AuditErrorCode.ENCODE, path: 'fields[0].name' });
    expect(errorOf(() => buildRecord({ ...base, fields: [{ name: 'x', value: 1 }, { name: 'pid', value: 'a b' }] }))).toMatchObject({ code: AuditErrorCode.ENCODE, path: 'fields[1].value' });
  });
});

describe('isLastRecord (auditd audit_is_last_record, reference §4.8)', () => {
  test.each([[1327, true], [1320, true], [1005, true], [1112, true], [1300, false], [1302, false], [1006, false], [1300 - 1, true], [2000, true], [2100, true], [1406, true], [1420, false]])('%d → %s', (t, want) => {
    expect(isLastRecord(t)).toBe(want);
  });
});
