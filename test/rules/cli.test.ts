import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function cli(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const VECTORS = 'test/fixtures/vectors';
const RULE1 = '-a always,exit -F arch=b64 -S clone -F a0&0x7C020000 -F key=container-create';

function vectorLines(file: string, prefix: string): string[] {
  return readFileSync(join(VECTORS, file), 'utf8').split('\n').filter((l) => l.startsWith(prefix) && !l.includes('(peek)')).map((l) => l.slice(prefix.length));
}

const addRule1 = vectorLines('auditctl-add-rule-1.txt', 'sendto ').find((h) => h.slice(8, 12) === 'f303')!;
const listReplies = vectorLines('auditctl-list-rules.txt', 'recvfrom ').filter((h) => h.slice(8, 12) === 'f503');

describe('audit-netlink rule', () => {
  test('compile prints the audit_rule_data auditctl sent (the message payload)', async () => {
    const r = await cli(['rule', 'compile', '--', ...RULE1.split(' ')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${addRule1.slice(32)}\n`);
  });

  test('compile --nlmsg --seq 2 prints the whole AUDIT_ADD_RULE message auditctl sent', async () => {
    const r = await cli(['rule', 'compile', '--nlmsg', '--seq', '2', '--', ...RULE1.split(' ')]);
    expect(r.stdout).toBe(`${addRule1}\n`);
  });

  test('explain takes a LIST_RULES reply, a bare struct, or a padded struct', async () => {
    for (const msg of [listReplies[0]!, listReplies[0]!.slice(32), `${listReplies[0]!.slice(32)}0000`]) {
      const r = await cli(['rule', 'explain', msg]);
      expect(r.stdout).toBe(`${RULE1}\n`);
    }
    const watch = await cli(['rule', 'explain', '-'], listReplies[2]!);
    expect(watch.stdout).toBe('-w /etc/passwd -p wa -k passwd\n');
  });

  test('explain takes a whole datagram of LIST_RULES replies (ACK, replies, DONE) and prints each rule', async () => {
    const datagram = vectorLines('list-rules.one-datagram.txt', 'recvfrom ')[0]!;
    const r = await cli(['rule', 'explain', datagram]);
    expect(r.stdout).toBe(`${RULE1}\n-a always,exit -F arch=b64 -S unshare,setns -F key=container-config\n-w /etc/passwd -p wa -k passwd\n`);
  });

  test('a bad rule exits 1 naming the token', async () => {
    const r = await cli(['rule', 'compile', '--', '-a', 'always,exit', '-F', 'nosuch=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('AUDIT_ERR_BAD_RULE');
    expect(r.stderr).toContain('nosuch');
  });

  test('compile --file turns -e -b -r -f --backlog_wait_time --reset-lost into the AUDIT_SET auditctl sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulefile-'));
    const text = readFileSync(join(VECTORS, 'auditctl-set.txt'), 'utf8');
    // "--reset-lost" alone shows only auditctl's AUDIT_GET; the "(all sendto)" block has its AUDIT_SET (seq 2).
    const blocks = text.split('## auditctl ').slice(1).filter((b) => !b.startsWith('--reset-lost\n'));
    expect(blocks).toHaveLength(6);
    for (const block of blocks) {
      const [title, ...lines] = block.split('\n');
      const cmd = title!.replace(' (all sendto)', '');
      const sent = lines.filter((l) => l.startsWith('sendto ')).map((l) => l.slice(7));
      const file = join(dir, 'one.rules');
      writeFileSync(file, `${cmd}\n`);
      const r = await cli(['rule', 'compile', '--seq', String(sent.length), '--file', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`1\t${sent.at(-1)}\n`);
    }
  });

  test('compile --file skips comments and blanks, numbers messages, reports -D and errors by line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulefile-'));
    const file = join(dir, 'audit.rules');
    writeFileSync(file, ['# first', '-D', '', RULE1, '-a always,exit -F nosuch=1', '-w /etc/passwd -p wa -k passwd'].join('\n'));
    const r = await cli(['rule', 'compile', '--nlmsg', '--seq', '2', '--file', file]);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n');
    expect(out.map((l) => l.split('\t')[0])).toEqual(['4', '6']);
    expect(out[0]!.split('\t')[1]).toBe(addRule1);
    expect(r.stderr).toMatch(new RegExp(`${file}:2: -D .*offline`));
    expect(r.stderr).toMatch(new RegExp(`${file}:5: AUDIT_ERR_BAD_RULE: .*nosuch`));
  });
});
