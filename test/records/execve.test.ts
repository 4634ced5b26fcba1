import { describe, expect, test } from 'vitest';
import { buildRecord, joinExecveArgs, parseLogLine, proctitleArgv } from '../../src/records/index.js';

const stamp = 'msg=audit(1700000001.500:4243):';

describe('EXECVE argument joining (reference §4.4)', () => {
  test('whole arguments, quoted or hex', () => {
    const r = parseLogLine(`type=EXECVE ${stamp} argc=3 a0="cat" a1="/etc/passwd" a2=6D792066696C65`);
    expect(joinExecveArgs([r])).toMatchObject({ argc: 3, args: ['cat', '/etc/passwd', 'my file'], complete: true });
  });

  test('a long argument split as aN_len / aN[i], across records, chunks encoded independently', () => {
    const recs = [
      parseLogLine(`type=SYSCALL ${stamp} arch=c000003e syscall=59`),
      parseLogLine(`type=EXECVE ${stamp} argc=3 a0="echo" a1_len=11 a1[0]="hello"`),
      parseLogLine(`type=EXECVE ${stamp} a1[1]=20776F726C64 a2="!"`),
    ];
    expect(joinExecveArgs(recs)).toMatchObject({ argc: 3, args: ['echo', 'hello world', '!'], complete: true });
  });

  test('a UTF-8 character cut between two chunks is joined as bytes first', () => {
    const r = parseLogLine(`type=EXECVE ${stamp} argc=1 a0_len=2 a0[0]=C3 a0[1]=A9`);
    expect(joinExecveArgs([r]).args).toEqual(['é']);
  });

  test('missing pieces are reported, not invented', () => {
    const r = parseLogLine(`type=EXECVE ${stamp} argc=3 a0="x" a2_len=4 a2[1]="yy"`);
    const j = joinExecveArgs([r]);
    expect(j.complete).toBe(false);
    expect(j.args).toEqual(['x', '', 'yy']);
  });

  test('a 9000-byte argument built by code comes back whole', () => {
    const big = 'x'.repeat(4000) + ' ' + 'y'.repeat(4999);
    const chunks = [big.slice(0, 3000), big.slice(3000, 6000), big.slice(6000)];
    const time = { sec: 5, msec: 1 };
    const first = buildRecord({ type: 1309, time, serial: 7, fields: [{ name: 'argc', value: 2 }, { name: 'a0', value: 'echo' }, { name: 'a1_len', value: 9000 }, { name: 'a1[0]', value: chunks[0]! }] });
    const second = buildRecord({ type: 1309, time, serial: 7, fields: [{ name: 'a1[1]', value: chunks[1]! }, { name: 'a1[2]', value: chunks[2]! }] });
    expect(second.fields[0]?.form).toBe('hex');
    expect(joinExecveArgs([first, second])).toMatchObject({ argc: 2, args: ['echo', big], complete: true });
  });
});

describe('PROCTITLE → argv', () => {
  test('NULs separate the arguments (records.log, libauparse shows them as spaces)', () => {
    const r = parseLogLine('type=PROCTITLE msg=audit(1700000000.123:4242): proctitle=2F7573722F62696E2F756E7368617265002D2D75736572002D2D6D61702D726F6F742D757365720062617368');
    expect(proctitleArgv(r)).toEqual(['/usr/bin/unshare', '--user', '--map-root-user', 'bash']);
  });

  test('a quoted title is one argument; empty arguments are kept', () => {
    expect(proctitleArgv(parseLogLine('type=PROCTITLE msg=audit(1.000:1): proctitle="bash"'))).toEqual(['bash']);
    expect(proctitleArgv(parseLogLine('type=PROCTITLE msg=audit(1.000:1): proctitle=610000620063'))).toEqual(['a', '', 'b', 'c']);
  });

  test('"sshd: burn [priv]" (reference §4.4) is one argument with spaces', () => {
    expect(proctitleArgv(parseLogLine('type=PROCTITLE msg=audit(1.000:1): proctitle=737368643A206275726E205B707269765D'))).toEqual(['sshd: burn [priv]']);
  });
});

describe('joinExecveArgs sizes nothing by numbers from the wire', () => {
  test('an argc beyond the arguments present keeps the arguments and marks the join incomplete', () => {
    const r = parseLogLine('type=EXECVE msg=audit(1.000:1): argc=4294967295 a0="ls" a1=2D6C');
    const j = joinExecveArgs([r]);
    expect(j.argc).toBe(4294967295);
    expect(j.args).toEqual(['ls', '-l']);
    expect(j.complete).toBe(false);
  });

  test('a huge chunk index is one chunk, not a loop up to it', () => {
    const r = parseLogLine('type=EXECVE msg=audit(1.000:1): argc=1 a0_len=2 a0[99999999]="ab"');
    const j = joinExecveArgs([r]);
    expect(j.args).toEqual(['ab']);
    expect(j.complete).toBe(false);
  });
});
