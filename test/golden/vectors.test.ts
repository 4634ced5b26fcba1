import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDatagram, encodeDatagram, type AuditMessage, type DecodedDatagram } from '../../src/audit/index.js';
import { toHex } from '../../src/bytes/hex.js';
import { readCapture } from '../../src/capture/index.js';
import { auditctlPrinted, readTranscript, VECTORS } from './helpers.js';

const TEXT_FILES = readdirSync(VECTORS).filter((f) => f.endsWith('.txt'));
const PCAPS = readdirSync(VECTORS).filter((f) => /\.pcap(ng)?$/.test(f));

function decodeLine(bytes: Uint8Array, littleEndian = true): DecodedDatagram {
  return decodeDatagram(bytes, { littleEndian, framing: 'auto', validation: 'strict' });
}

function only(d: DecodedDatagram): AuditMessage {
  expect(d.messages).toHaveLength(1);
  return d.messages[0]!;
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('every transcript datagram decodes strictly and re-encodes byte for byte', () => {
  it.each(TEXT_FILES)('%s', (file) => {
    const lines = readTranscript(file);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const d = decodeLine(l.bytes);
      expect(d.warnings).toEqual([]);
      expect(toHex(encodeDatagram(d))).toBe(toHex(l.bytes));
    }
  });
});

describe('every pcap/pcapng datagram decodes strictly and re-encodes byte for byte', () => {
  it.each(PCAPS)('%s', (file) => {
    const cap = readCapture(new Uint8Array(readFileSync(`${VECTORS}/${file}`)));
    const datagrams = [...cap.datagrams];
    expect(cap.errors).toEqual([]);
    expect(datagrams.length).toBeGreaterThan(0);
    for (const g of datagrams) {
      const d = decodeDatagram(g.bytes, { littleEndian: g.littleEndian ?? true, framing: 'auto', validation: 'strict', base: g.offset });
      expect(toHex(encodeDatagram(d))).toBe(toHex(g.bytes));
    }
  });
});

describe('auditctl-status.txt against what auditctl printed', () => {
  const printed = auditctlPrinted('auditctl-status.txt');
  const lines = readTranscript('auditctl-status.txt');
  it('has the ten printed lines', () => expect(printed.size).toBe(10));

  it('the 44-byte audit_status reply holds the printed values', () => {
    const m = only(decodeLine(lines[2]!.bytes));
    expect(m.name).toBe('GET');
    if (m.kind !== 'status') throw new Error(`kind ${m.kind}`);
    expect(m.header.nlmsg_len).toBe(16 + 44);
    for (const field of ['enabled', 'failure', 'pid', 'rate_limit', 'backlog_limit', 'lost', 'backlog', 'backlog_wait_time', 'backlog_wait_time_actual'] as const) {
      expect(String(m.body[field]), field).toBe(printed.get(field));
    }
    expect(m.body.trailing.length).toBe(0);
  });

  it('the ACK is NLMSG_ERROR 0 with NLM_F_CAPPED, echoing only the request header', () => {
    const m = only(decodeLine(lines[1]!.bytes));
    if (m.kind !== 'error') throw new Error(`kind ${m.kind}`);
    expect(m.header.nlmsg_flags).toBe(0x100);
    expect(m.body.error).toBe(0);
    expect(m.body.errno).toBeNull();
    expect(m.body.request).toBeNull();
    expect(m.body.msg).toEqual({ nlmsg_len: 16, nlmsg_type: 1000, nlmsg_flags: 5, nlmsg_seq: 1, nlmsg_pid: 0 });
  });

  it('GET_FEATURE: the request carries a zeroed audit_features; the reply says loginuid_immutable 0 unlocked', () => {
    const req = only(decodeLine(lines[3]!.bytes));
    expect(req.name).toBe('GET_FEATURE');
    expect(req.direction).toBe('to-kernel');
    const reply = only(decodeLine(lines[5]!.bytes));
    if (reply.kind !== 'features') throw new Error(`kind ${reply.kind}`);
    expect(printed.get('loginuid_immutable')).toBe('0 unlocked');
    const LOGINUID_IMMUTABLE = 1 << 1;
    expect(reply.body.features & LOGINUID_IMMUTABLE).toBe(0);
    expect(reply.body.lock & LOGINUID_IMMUTABLE).toBe(0);
    expect(reply.body.vers).toBe(1);
    expect(reply.body.mask).toBe(0xffffffff);
  });
});

describe('auditctl-set.txt: each AUDIT_SET has the one mask bit of its command', () => {
  const sets = readTranscript('auditctl-set.txt').filter((l) => l.bytes[4] === 0xe9);
  // auditctl -e 0, -b 64, -r 0, -f 1, --backlog_wait_time 15000, --reset-lost (libaudit.h AUDIT_STATUS_*)
  const expected: [number, string, number][] = [
    [0x01, 'enabled', 0], [0x10, 'backlog_limit', 64], [0x08, 'rate_limit', 0], [0x02, 'failure', 1],
    [0x20, 'backlog_wait_time', 15000], [0x40, 'lost', 0],
  ];
  it('decodes six SETs', () => expect(sets).toHaveLength(6));
  it.each(expected.map((e, i) => [i, ...e] as const))('SET %i: mask 0x%s', (i, mask, field, value) => {
    const m = only(decodeLine(sets[i]!.bytes));
    if (m.kind !== 'status') throw new Error(`kind ${m.kind}`);
    expect(m.body.mask).toBe(mask);
    expect(m.body[field as 'enabled']).toBe(value);
  });
});

describe('auditctl-user-message.txt', () => {
  it('AUDIT_USER text keeps its NUL and padding', () => {
    const l = readTranscript('auditctl-user-message.txt')[0]!;
    const m = only(decodeLine(l.bytes));
    if (m.kind !== 'text') throw new Error(`kind ${m.kind}`);
    expect(m.name).toBe('USER');
    expect(m.body.text).toBe('text=oracle demo message exe="/usr/sbin/auditctl" hostname=? addr=? terminal=? res=success');
    expect(m.body.bytes.length).toBe(0x6c - 16);
    expect([...m.body.bytes.subarray(-2)]).toEqual([0, 0]);
  });
});

// The three rules loaded before `auditctl -l` (README): their command lines, as audit_rule_data.
// x86_64 syscall numbers: clone 56, unshare 272, setns 308. AUDIT_ARCH_X86_64 = 0xc000003e.
const EQ = 0x40000000;
const BITMASK = 0x08000000;
const RULES = [
  { fields: [11, 200, 210], values: [0xc000003e, 0x7c020000, 16], ops: [EQ, BITMASK, EQ], strings: [null, null, 'container-create'], syscalls: [56] },
  { fields: [11, 210], values: [0xc000003e, 16], ops: [EQ, EQ], strings: [null, 'container-config'], syscalls: [272, 308] },
  { fields: [105, 106, 210], values: [11, 0x2 | 0x8, 6], ops: [EQ, EQ, EQ], strings: ['/etc/passwd', null, 'passwd'], syscalls: [] },
];

function checkRule(m: AuditMessage, i: number): void {
  if (m.kind !== 'rule') throw new Error(`kind ${m.kind}`);
  const want = RULES[i]!;
  const n = want.fields.length;
  expect(m.body.flags & 0x07).toBe(4);
  expect(m.body.action).toBe(2);
  expect(m.body.field_count).toBe(n);
  expect(m.body.fields.slice(0, n)).toEqual(want.fields);
  expect(m.body.values.slice(0, n)).toEqual(want.values);
  expect(m.body.fieldflags.slice(0, n)).toEqual(want.ops);
  expect(m.body.strings.map((s) => (s === null ? null : text(s)))).toEqual(want.strings);
  for (const nr of want.syscalls) expect((m.body.mask[nr >> 5]! >>> (nr & 31)) & 1, `syscall ${nr}`).toBe(1);
}

describe('LIST_RULES: the three rules of auditctl -l', () => {
  it('auditctl-list-rules.txt: ACK, three NLM_F_MULTI rules, then a 16-byte DONE', () => {
    const replies = readTranscript('auditctl-list-rules.txt').filter((l) => l.verb === 'recvfrom').map((l) => only(decodeLine(l.bytes)));
    expect(replies.map((m) => m.name)).toEqual(['NLMSG_ERROR', 'LIST_RULES', 'LIST_RULES', 'LIST_RULES', 'NLMSG_DONE']);
    replies.slice(1, 4).forEach((m, i) => {
      expect(m.header.nlmsg_flags).toBe(0x2);
      checkRule(m, i);
    });
    expect(replies[4]!.header).toMatchObject({ nlmsg_len: 16, nlmsg_flags: 2 });
  });

  it('list-rules.one-datagram.txt: five messages, each at NLMSG_ALIGN of the one before', () => {
    const [l] = readTranscript('list-rules.one-datagram.txt');
    const d = decodeLine(l!.bytes);
    expect(d.messages.map((m) => m.header.nlmsg_type)).toEqual([2, 1013, 1013, 1013, 3]);
    // ACK 36 bytes; rules 1072, 1072, 1076 (= 16 + 1040 + buflen 16, 16, 17, then aligned); DONE 16.
    expect(d.messages.map((m) => m.offset)).toEqual([0, 36, 36 + 1072, 36 + 1072 + 1072, 36 + 1072 + 1072 + 1076]);
    expect(d.length).toBe(36 + 1072 + 1072 + 1076 + 16);
    d.messages.slice(1, 4).forEach((m, i) => checkRule(m, i));
    expect(d.trailing.length).toBe(0);
  });

  it('the auditctl -a requests encode the same rules', () => {
    ['auditctl-add-rule-1.txt', 'auditctl-add-rule-2.txt', 'auditctl-add-rule-3.txt'].forEach((f, i) => {
      const req = readTranscript(f).find((l) => l.verb === 'sendto' && l.bytes[4] === 0xf3)!;
      const m = only(decodeLine(req.bytes));
      expect(m.name).toBe('ADD_RULE');
      checkRule(m, i);
    });
  });
});

describe('the unicast length quirk: events.unicast.txt vs events.multicast.txt', () => {
  const uni = readTranscript('events.unicast.txt');
  const multi = readTranscript('events.multicast.txt');
  it('has 60 events each', () => {
    expect(uni).toHaveLength(60);
    expect(multi).toHaveLength(60);
  });
  it('decodes each pair to the same record, with nlmsg_len = payload length vs 16 + payload length', () => {
    uni.forEach((u, i) => {
      const a = only(decodeLine(u.bytes));
      const b = only(decodeLine(multi[i]!.bytes));
      expect(a.framing).toBe('unicast');
      expect(b.framing).toBe('standard');
      expect(a.header.nlmsg_len).toBe(u.bytes.length - 16);
      expect(b.header.nlmsg_len).toBe(multi[i]!.bytes.length);
      expect(a.header.nlmsg_type).toBe(b.header.nlmsg_type);
      if (a.kind !== 'text' || b.kind !== 'text') throw new Error('not text');
      // The kernel's record text is the datagram after the header (reference §1.9).
      expect(a.body.text).toBe(text(u.bytes.subarray(16)));
      expect(b.body.text).toBe(a.body.text);
      expect(a.body.text.startsWith('audit(')).toBe(true);
    });
  });
  it('strict framing refuses the quirk; lenient strict framing warns', () => {
    const quirky = uni.find((u) => (u.bytes.length - 16) % 4 !== 0 || u.bytes.length >= 32)!;
    expect(() => decodeDatagram(quirky.bytes, { littleEndian: true, framing: 'strict' })).toThrow(/AUDIT_ERR|nlmsg_len|padding|bytes/);
    const d = decodeDatagram(quirky.bytes, { littleEndian: true, framing: 'strict', validation: 'lenient' });
    expect(d.warnings.length).toBeGreaterThan(0);
    expect(toHex(encodeDatagram(d))).toBe(toHex(quirky.bytes));
  });
  it('unicast framing refuses a multicast record under strict validation', () => {
    expect(() => decodeDatagram(multi[0]!.bytes, { littleEndian: true, framing: 'unicast' })).toThrow(/unicast/);
  });
});

// libaudit 3.0.9's audit_msg_type_to_name() for each line of types.unicast.txt (python3-audit);
// where it has no name (control types, range markers) the uapi macro name without AUDIT_.
const TYPE_NAMES: [number, string][] = [
  [2, 'NLMSG_ERROR'], [1000, 'GET'], [1019, 'GET_FEATURE'], [1016, 'TTY_GET'], [1305, 'CONFIG_CHANGE'], [1300, 'SYSCALL'],
  [1327, 'PROCTITLE'], [1320, 'EOE'], [1306, 'SOCKADDR'], [1307, 'CWD'], [1302, 'PATH'], [1013, 'LIST_RULES'], [3, 'NLMSG_DONE'],
  [1005, 'USER'], [1006, 'LOGIN'], [1321, 'BPRM_FCAPS'], [1309, 'EXECVE'], [1335, 'EVENT_LISTENER'], [1319, 'TTY'],
  [1124, 'USER_TTY'], [2105, 'ANOM_MAX_DAC'], [1329, 'REPLACE'], [1318, 'OBJ_PID'], [1317, 'FD_PAIR'], [1701, 'ANOM_ABEND'],
  [1326, 'SECCOMP'], [1334, 'BPF'], [1312, 'MQ_OPEN'], [1313, 'MQ_SENDRECV'], [1314, 'MQ_NOTIFY'], [1315, 'MQ_GETSETATTR'],
  [1303, 'IPC'], [1311, 'IPC_SET_PERM'], [1337, 'OPENAT2'], [1304, 'SOCKETCALL'], [1323, 'MMAP'], [1331, 'FANOTIFY'],
  [1336, 'URINGOP'], [1322, 'CAPSET'], [1333, 'TIME_ADJNTPVAL'], [1332, 'TIME_INJOFFSET'], [1700, 'ANOM_PROMISCUOUS'],
  [1325, 'NETFILTER_CFG'], [1324, 'NETFILTER_PKT'], [1702, 'ANOM_LINK'], [2404, 'CRYPTO_KEY_USER'], [1100, 'USER_AUTH'],
  [1101, 'USER_ACCT'], [2407, 'CRYPTO_SESSION'], [1103, 'CRED_ACQ'], [1112, 'USER_LOGIN'], [1105, 'USER_START'],
  [1110, 'CRED_REFR'], [1106, 'USER_END'], [1104, 'CRED_DISP'], [1113, 'USER_LOGOUT'], [2100, 'ANOM_LOGIN_FAILURES'],
  [1135, 'ACCT_LOCK'], [1109, 'USER_ERR'], [1123, 'USER_CMD'], [1114, 'ADD_USER'], [1116, 'ADD_GROUP'], [1102, 'USER_MGMT'],
  [1132, 'GRP_MGMT'], [1108, 'USER_CHAUTHTOK'], [1125, 'CHUSER_ID'], [1115, 'DEL_USER'], [1117, 'DEL_GROUP'],
  [1136, 'ACCT_UNLOCK'], [1127, 'SYSTEM_BOOT'], [1129, 'SYSTEM_RUNLEVEL'], [1130, 'SERVICE_START'], [1131, 'SERVICE_STOP'],
  [1128, 'SYSTEM_SHUTDOWN'], [2500, 'VIRT_CONTROL'], [2501, 'VIRT_RESOURCE'], [2502, 'VIRT_MACHINE_ID'], [2504, 'VIRT_CREATE'],
  [2505, 'VIRT_DESTROY'], [2503, 'VIRT_INTEGRITY_CHECK'], [2506, 'VIRT_MIGRATE_IN'], [2507, 'VIRT_MIGRATE_OUT'],
  [2402, 'CRYPTO_LOGIN'], [2403, 'CRYPTO_LOGOUT'], [2405, 'CRYPTO_FAILURE_USER'], [1107, 'USER_AVC'], [2300, 'USER_ROLE_CHANGE'],
  [1138, 'SOFTWARE_UPDATE'], [1137, 'USER_DEVICE'], [1121, 'TRUSTED_APP'], [1120, 'TEST'], [1111, 'USYS_CONFIG'],
  [2310, 'USER_MAC_POLICY_LOAD'], [1199, 'LAST_USER_MSG'], [2999, 'LAST_USER_MSG2'], [1010, 'SIGNAL_INFO'], [1328, 'FEATURE_CHANGE'],
];

describe('types.unicast.txt: 97 types', () => {
  const lines = readTranscript('types.unicast.txt');
  const decoded = lines.map((l) => only(decodeLine(l.bytes)));
  it('names every type as libaudit does', () => {
    expect(decoded.map((m) => [m.header.nlmsg_type, m.name])).toEqual(TYPE_NAMES);
  });
  it('records are text with the unicast quirk; control replies are binary with standard lengths', () => {
    const binary = new Set([2, 3, 1000, 1010, 1013, 1016, 1019, 1329]);
    for (const m of decoded) {
      const t = m.header.nlmsg_type;
      if (binary.has(t)) expect(m.framing, m.name).toBe('standard');
      else {
        expect(m.kind, m.name).toBe('text');
        expect(m.framing, m.name).toBe('unicast');
      }
    }
  });
  it('binary replies carry the values of their bytes (reference §3)', () => {
    const by = new Map(decoded.map((m) => [m.header.nlmsg_type, m]));
    const sig = by.get(1010)!;
    if (sig.kind !== 'sig-info') throw new Error(sig.kind);
    expect([sig.body.uid, sig.body.pid, sig.body.ctx.length]).toEqual([1000, 0x54c7, 0]);
    const rep = by.get(1329)!;
    if (rep.kind !== 'replace') throw new Error(rep.kind);
    expect(rep.body.pid).toBe(0x54c7);
    const tty = by.get(1016)!;
    if (tty.kind !== 'tty-status') throw new Error(tty.kind);
    expect([tty.body.enabled, tty.body.log_passwd]).toEqual([0, 0]);
    const st = by.get(1000)!;
    if (st.kind !== 'status') throw new Error(st.kind);
    // bytes @4..: enabled 0, failure 1, pid 0x5442, rate_limit 0, backlog_limit 0x40, ..., feature_bitmap 0x7f, backlog_wait_time 0x3a98
    expect([st.body.enabled, st.body.failure, st.body.pid, st.body.backlog_limit, st.body.feature_bitmap, st.body.backlog_wait_time]).toEqual([0, 1, 0x5442, 64, 0x7f, 15000]);
    const ack = by.get(2)!;
    if (ack.kind !== 'error') throw new Error(ack.kind);
    expect(ack.body.msg).toMatchObject({ nlmsg_len: 60, nlmsg_type: 1001, nlmsg_flags: 5 });
    const rules = by.get(1013)!;
    expect(rules.header.nlmsg_len).toBe(1079);
    expect(rules.padding).toEqual(new Uint8Array(1));
  });
});

describe('events.multicast.be.netlink.pcap (big-endian) decodes to the messages of events.multicast.txt', () => {
  it('same headers and texts', () => {
    const cap = readCapture(new Uint8Array(readFileSync(`${VECTORS}/events.multicast.be.netlink.pcap`)));
    const be = [...cap.datagrams];
    const le = readTranscript('events.multicast.txt');
    expect(be).toHaveLength(le.length);
    be.forEach((g, i) => {
      expect(g.littleEndian).toBe(false);
      const a = only(decodeDatagram(g.bytes, { littleEndian: false }));
      const b = only(decodeLine(le[i]!.bytes));
      expect(a.header).toEqual(b.header);
      if (a.kind !== 'text' || b.kind !== 'text') throw new Error('not text');
      expect(a.body.text).toBe(b.body.text);
    });
  });
});
