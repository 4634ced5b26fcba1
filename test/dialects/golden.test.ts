import { describe, expect, it } from 'vitest';
import { parseRecordPayload } from '../../src/records/parse.js';
import { formatRecordPayload } from '../../src/records/format.js';
import {
  containerIdSchema,
  containerOpSchema,
  contidOf,
  contidTree,
  getDialect,
  recordLinkOf,
  setCapcontidSchema,
  splitFields,
  typedRecordOf,
  type ContainerIdValues,
  type ContainerOpValues,
  type TypedRecord,
} from '../../src/audit/dialects/index.js';

/** Records quoted in the ghak90 v11 commit messages (reference §6.3), verbatim. */
const CONTAINER_OP = 'type=CONTAINER_OP msg=audit(1606404267.551:174524): op=set opid=8730 contid=4515122123205246976 old-contid=-1';
const SYSCALL_RECORD =
  'type=SYSCALL msg=audit(1606404280.226:174542): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=5555 a2=0 a3=0 items=1 ppid=1 pid=2 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm="cat" exe="/usr/bin/cat" key="testsuite-1606404267-WNldVJCr" record=1';
const CONTAINER_ID_1 = 'type=CONTAINER_ID msg=audit(1606404280.226:174542): record=1 contid=527940429489930240';
const NETFILTER_PKT = 'type=NETFILTER_PKT msg=audit(1606404287.984:174549): mark=0x15766399 saddr=127.0.0.1 daddr=127.0.0.1 proto=1 record=1';
const CONTAINER_ID_2 = 'type=CONTAINER_ID msg=audit(1606404287.984:174549): record=1 contid=4112973747854606336,1916436506412318720';

function body(line: string): string {
  return line.slice(line.indexOf('): ') + 3);
}

describe('golden records of the ghak90 v11 commit messages', () => {
  it('CONTAINER_OP (v11 02/11): values, and the same text back', () => {
    const rec = containerOpSchema.parseBody(body(CONTAINER_OP));
    expect(rec.values).toEqual({
      op: 'set',
      opid: 8730,
      contid: { chains: [{ id: 4515122123205246976n, ancestors: [] }] },
      oldContid: { chains: [{ id: -1n, ancestors: [] }] },
    });
    expect(rec.extra).toEqual([]);
    expect(containerOpSchema.format(rec)).toBe(body(CONTAINER_OP));
    expect(containerOpSchema.format(containerOpSchema.build(rec.values))).toBe(body(CONTAINER_OP));
  });

  it('SYSCALL record=1 links to CONTAINER_ID record=1 (v11 03/11)', () => {
    const sys = splitFields(body(SYSCALL_RECORD));
    expect(recordLinkOf(sys)).toBe(1);
    const cid = containerIdSchema.parseBody(body(CONTAINER_ID_1));
    expect(cid.values).toEqual({ record: 1, contid: { chains: [{ id: 527940429489930240n, ancestors: [] }] } });
    expect(containerIdSchema.format(cid)).toBe(body(CONTAINER_ID_1));
  });

  it('NETFILTER_PKT record=1 and its two-container CONTAINER_ID (v11 08/11)', () => {
    const pkt = splitFields(body(NETFILTER_PKT));
    expect(recordLinkOf(pkt)).toBe(1);
    expect(contidOf(pkt)).toBeUndefined();
    expect(contidOf(splitFields(body(CONTAINER_ID_2)))?.chains.map((c) => c.id)).toEqual([4112973747854606336n, 1916436506412318720n]);
    expect(contidOf(splitFields('pid=1 contid=2,^1'))).toEqual({ chains: [{ id: 2n, ancestors: [1n] }] });
    const cid = containerIdSchema.parseBody(body(CONTAINER_ID_2));
    expect(cid.values.record).toBe(1);
    expect(cid.values.contid.chains.map((c) => c.id)).toEqual([4112973747854606336n, 1916436506412318720n]);
    expect(contidTree(cid.values.contid)).toHaveLength(2);
    expect(containerIdSchema.format(cid)).toBe(body(CONTAINER_ID_2));
  });

  it('reads the same lines through the record parser and the ghak90-v11 dialect, and formats them back', () => {
    const v11 = getDialect('ghak90-v11');
    for (const [line, type] of [[CONTAINER_OP, 1020], [CONTAINER_ID_1, 1336], [CONTAINER_ID_2, 1336]] as const) {
      // parseLogLine does not know dialect type names yet, so the payload after msg= is parsed.
      const payload = line.slice(line.indexOf('msg=') + 4);
      const rec = parseRecordPayload(payload, type);
      expect(formatRecordPayload(rec)).toBe(payload);
      const typed = typedRecordOf(v11, rec) as TypedRecord<ContainerIdValues | ContainerOpValues>;
      expect(typed.kind).toBe(type === 1020 ? 'container-op' : 'container-id');
      expect(typed.fields.map((f) => `${f.name}=${f.value}`).join(' ')).toBe(body(line));
    }
  });

  it('V8 CONTAINER_ID (1335) printed only contid=%llu, unset as 18446744073709551615', () => {
    const rec = containerIdSchema.parseBody('contid=18446744073709551615');
    expect(rec.values).toEqual({ contid: { chains: [{ id: 0xffff_ffff_ffff_ffffn, ancestors: [] }] } });
    expect(containerIdSchema.format(rec)).toBe('contid=18446744073709551615');
    expect(getDialect('ghak90-v8').types.get(1335)?.record).toBe(containerIdSchema);
    expect(getDialect('ghak90-v7').types.get(1334)?.record).toBe(containerIdSchema);
  });

  it('SET_CAPCONTID (v11 11/11 format)', () => {
    const rec = setCapcontidSchema.parseBody('opid=1234 capcontid=1 old-capcontid=0');
    expect(rec.values).toEqual({ opid: 1234, capcontid: 1, oldCapcontid: 0 });
  });

  it('keeps fields a later patch added, in place', () => {
    const text = 'op=set opid=8730 auid=0 contid=5 old-contid=-1 res=1';
    const rec = containerOpSchema.parseBody(text);
    expect(rec.extra).toEqual([
      { name: 'auid', value: '0' },
      { name: 'res', value: '1' },
    ]);
    expect(containerOpSchema.format(rec)).toBe(text);
  });

  it('a CONTAINER_ID without contid= is an AUDIT_ERR_BAD_RECORD', () => {
    expect(() => containerIdSchema.parseBody('record=1', 40)).toThrowError(expect.objectContaining({ code: 'AUDIT_ERR_BAD_RECORD', offset: 40 }));
  });
});
