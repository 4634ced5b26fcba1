import { describe, expect, it } from 'vitest';
import {
  decodeDatagram, decodeFeatureBitmap, decodeFeatureBits, decodeStatusMask, encodeDatagram, sigInfoContext,
} from '../../src/audit/index.js';
import { fromHex, toHex } from '../../src/bytes/hex.js';

const dec = (hex: string) => decodeDatagram(fromHex(hex), { littleEndian: true });

describe('bit names (reference §3.2–3.4)', () => {
  it('AUDIT_STATUS_* mask bits', () => {
    expect(decodeStatusMask(0x01)).toEqual({ names: ['ENABLED'], unknownBits: 0 });
    expect(decodeStatusMask(0x44)).toEqual({ names: ['PID', 'LOST'], unknownBits: 0 });
    expect(decodeStatusMask(0x80)).toEqual({ names: ['BACKLOG_WAIT_TIME_ACTUAL'], unknownBits: 0 });
    expect(decodeStatusMask(0x300)).toEqual({ names: [], unknownBits: 0x300 });
  });
  it('AUDIT_FEATURE_BITMAP_* (ALL = 0x7f; 0x80 is the unmerged CONTAINERID)', () => {
    expect(decodeFeatureBitmap(0x7f).names).toEqual([
      'BACKLOG_LIMIT', 'BACKLOG_WAIT_TIME', 'EXECUTABLE_PATH', 'EXCLUDE_EXTEND', 'SESSIONID_FILTER', 'LOST_RESET', 'FILTER_FS',
    ]);
    expect(decodeFeatureBitmap(0xff).unknownBits).toBe(0x80);
  });
  it('AUDIT_FEATURE_* bits of audit_features', () => {
    expect(decodeFeatureBits(0xffffffff)).toEqual({ names: ['ONLY_UNSET_LOGINUID', 'LOGINUID_IMMUTABLE'], unknownBits: 0xfffffffc });
  });
});

describe('small structs in datagrams', () => {
  it('audit_tty_status: the old 4-byte form', () => {
    const hex = '14000000f90305000100000000000000' + '01000000';
    const d = dec(hex);
    const m = d.messages[0]!;
    if (m.kind !== 'tty-status') throw new Error(m.kind);
    expect(m.name).toBe('TTY_SET');
    expect(m.body.enabled).toBe(1);
    expect(m.body.log_passwd).toBeUndefined();
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });
  it('audit_sig_info keeps trailing NULs of ctx exactly; the text view drops them', () => {
    const ctx = Buffer.from('system_u:system_r:init_t\0\0').toString('hex');
    const payload = 'e8030000' + 'ffffffff' + ctx;
    const len = 16 + payload.length / 2;
    const hex = len.toString(16).padStart(2, '0') + '000000f2030000010000000000000' + '0' + payload;
    const d = dec(hex + '00'.repeat((4 - (len % 4)) % 4));
    const m = d.messages[0]!;
    if (m.kind !== 'sig-info') throw new Error(m.kind);
    expect(m.body.uid).toBe(1000);
    expect(m.body.pid).toBe(-1);
    expect(toHex(m.body.ctx)).toBe(ctx);
    expect(sigInfoContext(m.body)).toBe('system_u:system_r:init_t');
  });
  it('AUDIT_MAKE_EQUIV splits the two paths by sizes[]', () => {
    // sizes {4, 5}, "/old" then "/new1", with NLMSG_SPACE padding counted as payload by libaudit
    const hex = '24000000f70305000100000000000000' + '04000000' + '05000000' + '2f6f6c64' + '2f6e657731' + '000000';
    const d = dec(hex);
    const m = d.messages[0]!;
    if (m.kind !== 'make-equiv') throw new Error(m.kind);
    expect(Buffer.from(m.body.old_path).toString()).toBe('/old');
    expect(Buffer.from(m.body.new_path).toString()).toBe('/new1');
    expect(toHex(m.body.trailing)).toBe('000000');
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });
  it('AUDIT_REPLACE: the §1.9 20-byte probe', () => {
    const m = dec('1400000031050000000000000000000039300000').messages[0]!;
    if (m.kind !== 'replace') throw new Error(m.kind);
    expect(m.body.pid).toBe(12345);
  });
  it('audit_status longer than 44 bytes keeps its unknown tail', () => {
    const hex = '40000000e8030000010000000000000' + '0' + '00'.repeat(44) + 'aabbccdd';
    const d = dec(hex);
    const m = d.messages[0]!;
    if (m.kind !== 'status') throw new Error(m.kind);
    expect(toHex(m.body.trailing)).toBe('aabbccdd');
    expect(toHex(encodeDatagram(d))).toBe(hex);
  });
  it('audit_status of 40 bytes has no backlog_wait_time_actual', () => {
    const m = dec('38000000e8030000010000000000000' + '0' + '00'.repeat(36) + '983a0000').messages[0]!;
    if (m.kind !== 'status') throw new Error(m.kind);
    expect(m.body.backlog_wait_time).toBe(15000);
    expect(m.body.backlog_wait_time_actual).toBeUndefined();
  });
});
