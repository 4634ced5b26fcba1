import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeDatagram, encodeDatagram } from '../../src/audit/datagram.js';
import { textCodec } from '../../src/audit/messages/text.js';
import {
  buildRecordFrame,
  dialectFeatureBitmap,
  dialectStatusMask,
  defineDialect,
  getDialect,
  listDialects,
  makeContidRfc2017Dialect,
  NS_2015_TYPES,
  readDialectRecord,
  registerDialect,
} from '../../src/audit/dialects/index.js';
import { isAuditError } from '../../src/bytes/errors.js';

/** Reference §6.4 (and §5.1, §6.2), by dialect: every type number whose name differs from mainline. */
const COLLISIONS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  mainline: {},
  'ns-2015': {
    1330: 'NS_INIT_MNT', 1331: 'NS_INIT_UTS', 1332: 'NS_INIT_IPC', 1333: 'NS_INIT_USER', 1334: 'NS_INIT_PID', 1335: 'NS_INIT_NET',
    1336: 'NS_DEL_MNT', 1337: 'NS_DEL_UTS', 1338: 'NS_DEL_IPC', 1339: 'NS_DEL_USER', 1340: 'NS_DEL_PID', 1341: 'NS_DEL_NET',
  },
  'contid-rfc-2017': { 1020: 'CONTAINER' },
  'ghak90-v7': {
    1020: 'CONTAINER_OP', 1021: 'SIGNAL_INFO2', 1022: 'GET_CONTID', 1023: 'SET_CONTID', 1024: 'GET_LOGINUID', 1025: 'SET_LOGINUID',
    1026: 'GET_SESSIONID', 1027: 'GET_CAPCONTID', 1028: 'SET_CAPCONTID', 1334: 'CONTAINER_ID',
  },
  'ghak90-v8': { 1020: 'CONTAINER_OP', 1021: 'SIGNAL_INFO2', 1022: 'SET_CAPCONTID', 1335: 'CONTAINER_ID' },
  'ghak90-v11': { 1020: 'CONTAINER_OP', 1021: 'SIGNAL_INFO2', 1022: 'SET_CAPCONTID', 1336: 'CONTAINER_ID' },
};

/** Mainline names of the colliding numbers (reference §2.5, §6.4); 1020–1028, 1340, 1341 unassigned. */
const MAINLINE_AT: Readonly<Record<number, string>> = {
  1020: 'UNKNOWN[1020]', 1330: 'KERN_MODULE', 1331: 'FANOTIFY', 1332: 'TIME_INJOFFSET', 1333: 'TIME_ADJNTPVAL', 1334: 'BPF',
  1335: 'EVENT_LISTENER', 1336: 'URINGOP', 1337: 'OPENAT2', 1338: 'DM_CTRL', 1339: 'DM_EVENT', 1340: 'UNKNOWN[1340]', 1341: 'UNKNOWN[1341]',
};

/** Where a dialect decodes differently from mainline: its renamed types, and ghak90-v8's audit_status (§6.4 status rows). */
function collides(dialect: string, type: number): boolean {
  return COLLISIONS[dialect]![type] !== undefined || (dialect === 'ghak90-v8' && (type === 1000 || type === 1001));
}

const SHIPPED = ['mainline', 'ns-2015', 'contid-rfc-2017', 'ghak90-v7', 'ghak90-v8', 'ghak90-v11'];

describe('dialect catalog', () => {
  it('lists the shipped dialects and finds each by name', () => {
    expect(listDialects()).toEqual(SHIPPED);
    for (const n of SHIPPED) expect(getDialect(n).name).toBe(n);
  });

  it('an unknown name is AUDIT_ERR_BAD_VALUE listing the known ones', () => {
    expect(() => getDialect('ghak90-v99')).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_VALUE', message: expect.stringContaining('ghak90-v11') }));
  });

  it('mainline names match the reference at every colliding number', () => {
    const m = getDialect('mainline');
    for (const [n, name] of Object.entries(MAINLINE_AT)) expect(m.registry.nameOf(Number(n))).toBe(name);
  });

  it('each dialect changed exactly the numbers of the collision table', () => {
    for (const n of SHIPPED) {
      const d = getDialect(n);
      expect(d.changed.types).toEqual(Object.keys(COLLISIONS[n]!).map(Number));
      for (const [t, name] of Object.entries(COLLISIONS[n]!)) {
        expect(d.registry.nameOf(Number(t))).toBe(name);
        expect(d.typeNumbers.get(name)).toBe(Number(t));
      }
    }
  });

  it('rule field 27 and feature bit 0x80 exist only in ghak90', () => {
    for (const n of SHIPPED) {
      const ghak = n.startsWith('ghak90');
      const d = getDialect(n);
      expect(d.ruleFields.get(27)?.name).toBe(ghak ? 'contid' : undefined);
      expect(d.registry.ruleStringFields.has(27)).toBe(ghak);
      expect(dialectFeatureBitmap(d, 0xff)).toEqual(
        ghak
          ? { names: ['BACKLOG_LIMIT', 'BACKLOG_WAIT_TIME', 'EXECUTABLE_PATH', 'EXCLUDE_EXTEND', 'SESSIONID_FILTER', 'LOST_RESET', 'FILTER_FS', 'CONTAINERID'], unknownBits: 0 }
          : { names: ['BACKLOG_LIMIT', 'BACKLOG_WAIT_TIME', 'EXECUTABLE_PATH', 'EXCLUDE_EXTEND', 'SESSIONID_FILTER', 'LOST_RESET', 'FILTER_FS'], unknownBits: 0x80 },
      );
    }
  });

  it('status mask 0x80 is BACKLOG_WAIT_TIME_ACTUAL on mainline, CONTID_DEPTH_LIMIT on ghak90-v8', () => {
    expect(dialectStatusMask(getDialect('mainline'), 0x180)).toEqual({ names: ['BACKLOG_WAIT_TIME_ACTUAL'], unknownBits: 0x100 });
    expect(dialectStatusMask(getDialect('ghak90-v8'), 0x180)).toEqual({ names: ['CONTID_DEPTH_LIMIT', 'CONTID_NETNS_LIMIT'], unknownBits: 0 });
    expect(dialectStatusMask(getDialect('ghak90-v11'), 0x80).names).toEqual(['BACKLOG_WAIT_TIME_ACTUAL']);
  });

  it('the RFC dialect takes its type number as a parameter', () => {
    const d = makeContidRfc2017Dialect({ containerType: 1099 });
    expect(d.name).toBe('contid-rfc-2017@1099');
    expect(d.registry.nameOf(1099)).toBe('CONTAINER');
    expect(d.registry.nameOf(1020)).toBe('UNKNOWN[1020]');
    expect(getDialect('contid-rfc-2017').typeNumbers.get('CONTAINER')).toBe(1020);
  });

  it('a user dialect layers on a shipped one by name, and can be registered', () => {
    const mine = defineDialect({ name: 'ghak90-v11+ns-init', base: 'ghak90-v11', types: NS_2015_TYPES.slice(0, 6) });
    expect(mine.base).toBe('ghak90-v11');
    expect(mine.registry.nameOf(1330)).toBe('NS_INIT_MNT');
    expect(mine.registry.nameOf(1336)).toBe('CONTAINER_ID');
    expect(mine.registry.nameOf(1020)).toBe('CONTAINER_OP');
    expect(mine.ruleFields.get(27)?.value).toBe('u64-bytes');
    registerDialect(mine);
    expect(getDialect('ghak90-v11+ns-init')).toBe(mine);
    expect(() => registerDialect({ ...mine, name: 'mainline' })).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_VALUE' }));
    const own = defineDialect({ name: 'lab', types: [{ type: 1345, name: 'LAB_EVENT', class: 'kernel-record', codec: textCodec as never }], removeTypes: [1336] });
    expect(own.registry.nameOf(1345)).toBe('LAB_EVENT');
    expect(own.registry.nameOf(1336)).toBe('UNKNOWN[1336]');
    expect(() => defineDialect({ name: 'Bad Name' })).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_VALUE' }));
  });
});

const recordType = fc.oneof(fc.integer({ min: 1000, max: 1099 }), fc.integer({ min: 1300, max: 1399 }), fc.integer({ min: 1100, max: 2999 }));
const bodyText = fc.stringMatching(/^[a-z_]{1,8}=[0-9a-z,^-]{1,12}( [a-z_]{1,8}=[0-9a-z"]{1,12}){0,4}$/);

describe('the same bytes under each dialect', () => {
  test.prop([recordType, bodyText, fc.boolean(), fc.constantFrom('unicast', 'multicast') as fc.Arbitrary<'unicast' | 'multicast'>], { numRuns: 300 })(
    'name differs from mainline exactly where the collision table says, and every dialect re-encodes the same bytes',
    (type, body, le, framingPick) => {
      // The unicast length quirk is only recognised for record types; 1000–1099 (and REPLACE) are
      // control types upstream, so a patched kernel's CONTAINER_OP is compared in multicast framing.
      const framing = getDialect('mainline').registry.isRecordType(type) ? framingPick : 'multicast';
      const frame = buildRecordFrame(type, { time: { sec: 1606404280, msec: 226 }, serial: 174542 }, body, { littleEndian: le, framing });
      const mainlineName = getDialect('mainline').registry.nameOf(type);
      const reference = decodeDatagram(frame, { littleEndian: le, registry: getDialect('mainline').registry, validation: 'lenient' });
      for (const n of SHIPPED) {
        const d = getDialect(n);
        const decoded = decodeDatagram(frame, { littleEndian: le, registry: d.registry, validation: 'lenient' });
        expect(decoded.messages).toHaveLength(1);
        expect(decoded.messages[0]!.name).toBe(COLLISIONS[n]![type] ?? mainlineName);
        // identical everywhere the table does not list
        if (!collides(n, type)) expect(decoded).toEqual(reference);
        expect(encodeDatagram(decoded, { registry: d.registry })).toEqual(frame);
      }
    },
  );

  it('1336 is URINGOP, NS_DEL_MNT or CONTAINER_ID by dialect, and each typed reading fits', () => {
    const frame = buildRecordFrame(1336, { time: { sec: 1606404280, msec: 226 }, serial: 174542 }, 'record=1 contid=4,^2,^1', { littleEndian: true });
    const read = (n: string) => {
      const d = getDialect(n);
      const dec = decodeDatagram(frame, { littleEndian: true, registry: d.registry });
      expect(encodeDatagram(dec, { registry: d.registry })).toEqual(frame);
      return readDialectRecord(d, dec.messages[0]!)!;
    };
    expect(read('mainline')).toMatchObject({ name: 'URINGOP', typed: undefined });
    const ns = read('ns-2015');
    expect(ns.name).toBe('NS_DEL_MNT');
    expect(ns.error?.code).toBe('AUDIT_ERR_BAD_RECORD');
    const v11 = read('ghak90-v11');
    expect(v11.name).toBe('CONTAINER_ID');
    expect(v11.typed).toMatchObject({ kind: 'container-id', values: { record: 1, contid: { chains: [{ id: 4n, ancestors: [2n, 1n] }] } } });
    expect(v11.record.typeName).toBe('CONTAINER_ID');
  });

  test.prop([fc.uint8Array({ minLength: 0, maxLength: 64 }), fc.integer({ min: 1000, max: 1099 }), fc.boolean()], { numRuns: 300 })(
    'random binary payloads of control types: only AuditError escapes, and lenient decodes re-encode exactly',
    (payload, type, le) => {
      const frame = new Uint8Array(16 + payload.length);
      const v = new DataView(frame.buffer);
      v.setUint32(0, frame.length, le);
      v.setUint16(4, type, le);
      frame.set(payload, 16);
      const decodeWith = (n: string) => decodeDatagram(frame, { littleEndian: le, registry: getDialect(n).registry, validation: 'lenient', direction: 'from-kernel' });
      let reference: ReturnType<typeof decodeWith> | undefined;
      try {
        reference = decodeWith('mainline');
      } catch (e) {
        expect(isAuditError(e)).toBe(true);
      }
      for (const n of SHIPPED) {
        try {
          const dec = decodeWith(n);
          expect(encodeDatagram(dec, { registry: getDialect(n).registry })).toEqual(frame);
          if (!collides(n, type)) expect(dec).toEqual(reference);
        } catch (e) {
          expect(isAuditError(e)).toBe(true);
          if (!collides(n, type)) expect(reference).toBeUndefined();
        }
      }
    },
  );
});

describe('the docs/dialects.md example of a kernel of your own', () => {
  it('adds a record, takes a number back, adds a byte rule field and a status field', async () => {
    const { AUDIT_CONTID_FIELD } = await import('../../src/audit/dialects/index.js');
    const lab = defineDialect({
      name: 'lab',
      types: [{ type: 1345, name: 'LAB_EVENT', class: 'kernel-record', codec: textCodec as never, source: 'our patch 0003' }],
      removeTypes: [1336],
      ruleFields: [{ ...AUDIT_CONTID_FIELD, id: 28, name: 'labid' }],
      statusFields: [{ name: 'lab_limit', offset: 44, maskBit: 0x100 }],
    });
    expect(lab.changed).toEqual({ types: [1336, 1345], ruleFields: [28], statusOffsets: [44], featureBits: [] });
    expect(lab.registry.ruleStringFields.has(28)).toBe(true);
    expect(lab.registry.ruleStringFields.has(27)).toBe(false);
    expect(dialectStatusMask(lab, 0x180).names).toEqual(['BACKLOG_WAIT_TIME_ACTUAL', 'LAB_LIMIT']);
    const frame = new Uint8Array(16 + 48);
    const v = new DataView(frame.buffer);
    v.setUint32(0, frame.length, true);
    v.setUint16(4, 1000, true);
    v.setUint32(16 + 40, 7, true);
    v.setUint32(16 + 44, 9, true);
    const dec = decodeDatagram(frame, { littleEndian: true, registry: lab.registry });
    expect(dec.messages[0]!.body).toMatchObject({ backlog_wait_time_actual: 7, lab_limit: 9 });
    expect(encodeDatagram(dec, { registry: lab.registry })).toEqual(frame);
  });
});

describe('typed readings of arbitrary bodies', () => {
  const typed: readonly (readonly [string, number])[] = [
    ['ns-2015', 1330], ['ns-2015', 1341], ['contid-rfc-2017', 1020], ['ghak90-v7', 1334], ['ghak90-v8', 1022], ['ghak90-v11', 1020], ['ghak90-v11', 1336],
  ];
  test.prop([fc.constantFrom(...typed), fc.oneof(fc.string({ maxLength: 60 }), bodyText), fc.boolean()], { numRuns: 300 })(
    'either a typed record or an AuditError in `error`; never a throw of anything else',
    ([n, type], body, le) => {
      const d = getDialect(n);
      const frame = buildRecordFrame(type, { time: { sec: 1, msec: 2 }, serial: 3 }, body, { littleEndian: le });
      const m = decodeDatagram(frame, { littleEndian: le, registry: d.registry }).messages[0]!;
      try {
        const r = readDialectRecord(d, m)!;
        expect(r.typed === undefined).toBe(r.error !== undefined);
        if (r.error !== undefined) expect(isAuditError(r.error)).toBe(true);
      } catch (e) {
        expect(isAuditError(e)).toBe(true);
      }
    },
  );
});
