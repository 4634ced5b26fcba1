import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  decodeDatagram, encodeDatagram, encodeMessage, makeTextBody, MAINLINE_REGISTRY, textCodec, type AuditMessage,
} from '../../src/audit/index.js';
import { AuditError } from '../../src/bytes/errors.js';
import { fromHex, toHex } from '../../src/bytes/hex.js';
import * as arb from './arbitraries.js';

const dec = (hex: string, o: Partial<Parameters<typeof decodeDatagram>[1]> = {}) => decodeDatagram(fromHex(hex), { littleEndian: true, ...o });
const hdr = (len: number, type: number, flags: number, seq = 1) => {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint32(0, len, true);
  v.setUint16(4, type, true);
  v.setUint16(6, flags, true);
  v.setUint32(8, seq, true);
  return toHex(b);
};

describe('direction and payload length pick the codec', () => {
  it('AUDIT_GET: empty request, audit_status reply, 16-byte audit_features reply of old kernels', () => {
    expect(dec(hdr(16, 1000, 5)).messages[0]!.kind).toBe('empty');
    expect(dec(hdr(48, 1000, 0) + '00'.repeat(32)).messages[0]!.kind).toBe('status');
    expect(dec(hdr(32, 1000, 0) + '01000000ffffffff0000000000000000').messages[0]!.kind).toBe('features');
  });
  it('SIGNAL_INFO, TTY_GET, LIST_RULES, GET_FEATURE requests are empty; replies are structs', () => {
    for (const t of [1010, 1013, 1016, 1019]) expect(dec(hdr(16, t, 5)).messages[0]!.kind).toBe('empty');
    expect(dec(hdr(24, 1010, 0) + 'e8030000c7540000').messages[0]!.kind).toBe('sig-info');
    expect(dec(hdr(24, 1016, 0) + '0100000000000000').messages[0]!.kind).toBe('tty-status');
    expect(dec(hdr(32, 1019, 5) + '00'.repeat(16)).messages[0]!.kind).toBe('features');
  });
  it('an explicit direction wins over NLM_F_REQUEST', () => {
    expect(dec(hdr(24, 1010, 0) + '0000000000000000', { direction: 'to-kernel' }).messages[0]!.kind).toBe('empty');
  });
  it('TRIM keeps unexpected bytes; unknown types are raw and named UNKNOWN[n]', () => {
    const t = dec(hdr(20, 1014, 5) + 'aabbccdd').messages[0]!;
    if (t.kind !== 'empty') throw new Error(t.kind);
    expect(toHex(t.body.trailing)).toBe('aabbccdd');
    const u = dec(hdr(18, 999, 0) + '0102' + '0000').messages[0]!;
    expect([u.name, u.kind, u.class]).toEqual(['UNKNOWN[999]', 'raw', 'unknown']);
  });
});

describe('bad payloads', () => {
  it('audit_status shorter than 32 bytes is an error with offset and path; lenient keeps it raw', () => {
    const hex = hdr(36, 1001, 5) + '00'.repeat(20);
    expect(() => dec(hex)).toThrow('struct audit_status needs 32 bytes, 20 left at offset 16 (msg[0].audit_status)');
    const d = dec(hex, { validation: 'lenient' });
    expect(d.messages[0]!.kind).toBe('raw');
    expect(d.messages[0]!.warnings![0]).toMatchObject({ code: 'AUDIT_ERR_TRUNCATED', offset: 16 });
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });
  it('AUDIT_MAKE_EQUIV sizes beyond the payload', () => {
    const hex = hdr(28, 1015, 5) + 'ffffffff01000000' + '2f612f00';
    let err: unknown;
    try {
      dec(hex);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AuditError);
    expect((err as AuditError).code).toBe('AUDIT_ERR_BAD_LENGTH');
    expect((err as AuditError).path).toBe('msg[0].audit_make_equiv.sizes');
  });
  it('audit_rule_data with field_count 65', () => {
    const body = new Uint8Array(1040);
    body[8] = 65;
    expect(() => dec(hdr(1056, 1011, 5) + toHex(body))).toThrow(/field_count 65 > AUDIT_MAX_FIELDS 64 at offset 24/);
  });
});

describe('a switch on kind narrows without casts', () => {
  it('reads each body by its own fields', () => {
    const d = dec(hdr(24, 1016, 0) + '0100000001000000');
    const describeMsg = (m: AuditMessage): string => {
      switch (m.kind) {
        case 'tty-status':
          return `tty ${m.body.enabled}/${m.body.log_passwd}`;
        case 'status':
          return `status ${m.body.pid}`;
        case 'text':
          return m.body.text;
        default:
          return m.kind;
      }
    };
    expect(describeMsg(d.messages[0]!)).toBe('tty 1/1');
  });
});

describe('encodeMessage', () => {
  it('builds the §1.10 AUDIT_USER_AUTH request (nlmsg_len = 16 + payload)', () => {
    const b = encodeMessage({ kind: 'text', header: { nlmsg_type: 1100, nlmsg_flags: 5, nlmsg_seq: 3 }, body: makeTextBody('op=test res=success', 1) }, { littleEndian: true });
    // reference §1.10: 24000000 4c040500 03000000 00000000, then "op=test res=success\0"
    expect(toHex(b)).toBe('240000004c0405000300000000000000' + '6f703d74657374207265733d7375636365737300');
  });
  it('pads to NLMSG_ALIGN with zeros but counts only header + payload', () => {
    const b = encodeMessage({ kind: 'text', header: { nlmsg_type: 1307 }, body: makeTextBody('abcde') }, { littleEndian: true });
    expect(b.length).toBe(24);
    expect(toHex(b.subarray(0, 4))).toBe('15000000');
    expect(toHex(b.subarray(21))).toBe('000000');
  });
  it('unicast framing writes the payload-only length and no padding', () => {
    const b = encodeMessage({ kind: 'text', framing: 'unicast', header: { nlmsg_type: 1307 }, body: makeTextBody('abcde') }, { littleEndian: false });
    expect(toHex(b)).toBe('00000005' + '051b' + '0000' + '00000000' + '00000000' + '6162636465');
  });
});

describe('registries are values', () => {
  it('extend adds a type without touching the original', () => {
    const mine = MAINLINE_REGISTRY.extend({ name: 'mine', types: [{ type: 1340, name: 'MY_RECORD', class: 'kernel-record', codec: textCodec as never }] });
    expect(mine.nameOf(1340)).toBe('MY_RECORD');
    expect(MAINLINE_REGISTRY.nameOf(1340)).toBe('UNKNOWN[1340]');
    expect(dec(hdr(19, 1340, 0) + '616263', { registry: mine }).messages[0]!.kind).toBe('text');
  });
  it('ruleStringFields changes which fields take bytes from buf', () => {
    const body = new Uint8Array(1044);
    const v = new DataView(body.buffer);
    v.setUint32(8, 1, true); // field_count
    v.setUint32(268, 27, true); // fields[0] = 27 (ghak90 AUDIT_CONTID)
    v.setUint32(524, 4, true); // values[0] = 4 bytes
    v.setUint32(1036, 4, true); // buflen
    const hex = hdr(1060, 1011, 5) + toHex(body);
    const plain = dec(hex).messages[0]!;
    const ext = dec(hex, { registry: MAINLINE_REGISTRY.extend({ ruleStringFields: new Set([...MAINLINE_REGISTRY.ruleStringFields, 27]) }) }).messages[0]!;
    if (plain.kind !== 'rule' || ext.kind !== 'rule') throw new Error('not rules');
    expect(plain.body.strings).toEqual([null]);
    expect(ext.body.strings[0]).toEqual(new Uint8Array(4));
  });
});

const RUNS = { numRuns: 200 };

describe('datagram properties', () => {
  const frame = fc.oneof(
    arb.status.map((b) => ({ kind: 'status' as const, header: { nlmsg_type: 1000 }, body: b })),
    arb.sigInfo.map((b) => ({ kind: 'sig-info' as const, header: { nlmsg_type: 1010 }, body: b })),
    arb.ruleData.map((b) => ({ kind: 'rule' as const, header: { nlmsg_type: 1013, nlmsg_flags: 2 }, body: b })),
    arb.bytes(30).map((b) => ({ kind: 'text' as const, header: { nlmsg_type: 1300 }, body: { bytes: b, text: '' } })),
  );
  test.prop([fc.array(frame, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.integer({ min: 0, max: 0xffffffff })], RUNS)(
    'decode(encode(messages)) gives the same headers and bodies',
    (messages, le, seq) => {
      const msgs = messages.map((m) => ({ ...m, header: { ...m.header, nlmsg_seq: seq } }));
      const bytes = encodeDatagram({ messages: msgs, littleEndian: le });
      const d = decodeDatagram(bytes, { littleEndian: le, framing: 'strict' });
      expect(d.messages.map((m) => m.kind)).toEqual(msgs.map((m) => m.kind));
      d.messages.forEach((m, i) => {
        expect(m.header.nlmsg_seq).toBe(seq);
        if (m.kind === 'text') expect(m.body.bytes).toEqual((msgs[i]!.body as { bytes: Uint8Array }).bytes);
        else expect(m.body).toEqual(msgs[i]!.body);
      });
      expect(encodeDatagram(d)).toEqual(bytes);
    },
  );

  const header16 = fc.tuple(fc.integer({ min: 0, max: 80 }), fc.constantFrom(1, 2, 3, 4, 1000, 1001, 1010, 1011, 1013, 1015, 1016, 1019, 1300, 1329, 999), fc.integer({ min: 0, max: 0x3ff }));
  const fuzz = fc.tuple(header16, fc.uint8Array({ maxLength: 120 }), fc.boolean()).map(([[len, type, flags], rest, le]) => {
    const b = new Uint8Array(16 + rest.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, len, le);
    v.setUint16(4, type, le);
    v.setUint16(6, flags, le);
    b.set(rest, 16);
    return { b, le };
  });
  test.prop([fuzz, fc.constantFrom('strict', 'unicast', 'auto')], RUNS)('random bytes: only AuditError escapes; lenient keeps every byte', ({ b, le }, framing) => {
    try {
      decodeDatagram(b, { littleEndian: le, framing });
    } catch (e) {
      expect(e).toBeInstanceOf(AuditError);
    }
    const d = decodeDatagram(b, { littleEndian: le, framing, validation: 'lenient' });
    expect(encodeDatagram(d)).toEqual(b);
  });
});

describe('nested NLMSG_ERROR echoes', () => {
  it('stop decoding at MAX_ECHO_DEPTH and still give every byte back', () => {
    // An error echoing an error echoing ... 50 levels deep, each without NLM_F_CAPPED.
    let inner = fromHex('10000000e80305000100000000000000');
    for (let i = 0; i < 50; i++) {
      const b = new Uint8Array(20 + inner.length);
      const v = new DataView(b.buffer);
      v.setUint32(0, b.length, true);
      v.setUint16(4, 2, true);
      v.setInt32(16, -22, true);
      b.set(inner, 20);
      inner = b;
    }
    const d = decodeDatagram(inner, { littleEndian: true });
    let m: AuditMessage | null = d.messages[0]!;
    let depth = 0;
    while (m !== null && m.kind === 'error') {
      m = m.body.request;
      depth++;
    }
    expect(depth).toBe(4);
    expect(m?.kind).toBe('raw');
    expect(encodeDatagram(d)).toEqual(inner);
  });
});

describe("payloadKind: 'text' (datagrams made from audit.log lines)", () => {
  // `type=UNKNOWN[1329] msg=?` of a log: 1329 is AUDIT_REPLACE, a binary u32 pid on the wire.
  const replaceText = '110000003105000000000000000000003f';

  it('decodes every payload with the text codec; name and class still from the registry', () => {
    expect(() => dec(replaceText)).toThrow(AuditError);
    const d = dec(replaceText, { payloadKind: 'text' });
    expect(d.messages.map((m) => [m.name, m.kind, m.class])).toEqual([['REPLACE', 'text', MAINLINE_REGISTRY.classOf(1329)]]);
    expect(d.messages[0]!.body).toMatchObject({ text: '?' });
    expect(toHex(encodeDatagram(d))).toBe(replaceText);
  });

  it('an unregistered type is text too, named UNKNOWN[n]; a registered text type is unchanged', () => {
    const unknown = dec('110000000f27000000000000000000003f', { payloadKind: 'text' }).messages[0]!;
    expect([unknown.name, unknown.kind]).toEqual(['UNKNOWN[9999]', 'text']);
    const cwd = '18000000 1b05 0000 00000000 00000000 6175646974283129'.replace(/ /g, '');
    expect(dec(cwd, { payloadKind: 'text' })).toEqual(dec(cwd));
  });

  it('leaves the registry as it was', () => {
    dec(replaceText, { payloadKind: 'text' });
    expect(() => dec(replaceText)).toThrow(AuditError);
    expect(MAINLINE_REGISTRY.codecFor(1329, { direction: 'from-kernel', payloadLength: 4, header: { nlmsg_len: 20, nlmsg_type: 1329, nlmsg_flags: 0, nlmsg_seq: 0, nlmsg_pid: 0 } }).kind).not.toBe('text');
  });
});
