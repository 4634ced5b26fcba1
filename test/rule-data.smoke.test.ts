import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromHex, toHex } from '../src/bytes/hex.js';
import { ByteWriter } from '../src/bytes/writer.js';
import { decodeRuleData, encodeRuleData } from '../src/audit/messages/rule-data.js';

const header = { nlmsg_len: 0, nlmsg_type: 1011, nlmsg_flags: 5, nlmsg_seq: 2, nlmsg_pid: 0 };

describe('audit_rule_data on auditctl-add-rule-1', () => {
  const line = readFileSync('test/fixtures/vectors/auditctl-add-rule-1.txt', 'utf8').split('\n').find((l) => l.startsWith('sendto 3'))!;
  const msg = fromHex(line.slice('sendto '.length));
  const payload = msg.subarray(16);
  const rule = decodeRuleData(payload, { littleEndian: true, base: 16, path: '', header, validation: 'strict' });
  it('decodes list, action, fields and the key string', () => {
    expect(rule.flags).toBe(4);
    expect(rule.action).toBe(2);
    expect(rule.field_count).toBe(3);
    expect(rule.fields.slice(0, 3)).toEqual([11, 200, 210]);
    expect(rule.values[1]).toBe(0x7c020000);
    expect(new TextDecoder().decode(rule.strings[2]!)).toBe('container-create');
  });
  it('re-encodes byte for byte', () => {
    const w = new ByteWriter(true);
    encodeRuleData(w, rule);
    expect(toHex(w.finish())).toBe(toHex(payload));
  });
});
