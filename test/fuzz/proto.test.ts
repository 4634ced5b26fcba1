/**
 * Field names and values from the wire are data: they never reach an object prototype, a regular
 * expression built at run time or a `new Function`. Names like __proto__, constructor and
 * prototype come back as ordinary names; huge field counts and very long values parse whole.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonLine } from '../../src/cli/json/from-json.js';
import { matchRecord, parseFilter } from '../../src/events/filter.js';
import { interpretRecord } from '../../src/interpret/index.js';
import { parseLogLine, parseRecordPayload, recordFromJson, recordToJson } from '../../src/records/index.js';

const NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__', 'valueOf', 'then'];

function prototypesClean(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe['polluted']).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(typeof Object.prototype.toString).toBe('function');
  expect(typeof Object.prototype.hasOwnProperty).toBe('function');
}

describe('prototype names from the wire', () => {
  const body = NAMES.map((n, i) => `${n}=${i}`).join(' ');
  const line = `type=SYSCALL msg=audit(1.000:2): ${body} msg='__proto__=x constructor=y' polluted=1`;
  it('parseLogLine keeps them as ordinary field names, in order', () => {
    const r = parseLogLine(line);
    expect(r.fields.map((f) => f.name)).toEqual([...NAMES, '__proto__', 'constructor', 'polluted']);
    expect(r.fields[0]!.value).toBe('0');
    prototypesClean();
  });
  it("a user message's nested msg='...' keeps them too", () => {
    const r = parseLogLine(`type=USER_CMD msg=audit(1.000:2): pid=1 msg='__proto__=1 constructor=2 prototype=3'`);
    expect(r.fields.filter((f) => f.inMsg).map((f) => f.name)).toEqual(['__proto__', 'constructor', 'prototype']);
    prototypesClean();
  });
  it('parseRecordPayload (netlink text) keeps them', () => {
    const r = parseRecordPayload(new TextEncoder().encode(`audit(1.000:2): ${body}`), 1300);
    expect(r.fields.map((f) => f.name)).toEqual(NAMES);
    prototypesClean();
  });
  it('JSON Lines: recordToJson → JSON → recordFromJson gives the same names back, prototypes untouched', () => {
    const r = parseLogLine(line);
    const text = JSON.stringify(recordToJson(r));
    expect(text).toContain('"name":"__proto__"');
    const back = recordFromJson(JSON.parse(text));
    expect(back.fields.map((f) => f.name)).toEqual(r.fields.map((f) => f.name));
    prototypesClean();
  });
  it('recordFromJson with a "__proto__" key in the object and value-only fields named __proto__', () => {
    const j = JSON.parse('{"__proto__":{"polluted":1},"type":1300,"type_name":"SYSCALL","time":{"sec":1,"msec":0},"serial":2,"fields":[{"name":"__proto__","value":"x"},{"name":"constructor","value":"y"}]}');
    const r = recordFromJson(j);
    expect(r.fields.map((f) => [f.name, f.value])).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    prototypesClean();
  });
  it('the CLI encode input (JSON Lines) with __proto__ keys is refused or read as data, never merged into a prototype', () => {
    for (const l of ['{"__proto__":{"polluted":1}}', '{"kind":"text","__proto__":{"polluted":1},"header":{"nlmsg_type":1300},"body":{"text":"audit(1.000:2): a=1"}}']) {
      try {
        parseJsonLine(l, 1);
      } catch (e) {
        expect((e as { code?: string }).code).toMatch(/^AUDIT_ERR_/);
      }
      prototypesClean();
    }
  });
  it('interpretation and filters treat them as unknown names', () => {
    const r = parseLogLine(line);
    const i = interpretRecord(r);
    expect(i.length).toBe(r.fields.length);
    expect(matchRecord(parseFilter(['key=__proto__']), r)).toBe(false);
    prototypesClean();
  });
});

describe('huge field counts and very long values', () => {
  it('200 000 fields parse whole', () => {
    const r = parseLogLine(`type=SYSCALL msg=audit(1.000:2):${' a=1'.repeat(200_000)}`);
    expect(r.fields.length).toBe(200_000);
  });
  it('a 4 MiB value parses whole, quoted, bare and hex', () => {
    const v = 'A'.repeat(4 * 2 ** 20);
    expect(parseLogLine(`type=CWD msg=audit(1.000:2): cwd="${v}"`).fields[0]!.value!.length).toBe(v.length);
    expect(parseLogLine(`type=CWD msg=audit(1.000:2): x=${v}`).fields[0]!.raw.length).toBe(v.length);
    expect(parseLogLine(`type=PROCTITLE msg=audit(1.000:2): proctitle=${'41'.repeat(2 ** 20)}`).fields[0]!.value!.length).toBe(2 ** 20);
  });
  it('a field name of 1 MiB is a name, not a pattern', () => {
    const n = 'a.*+?('.repeat(200_000);
    expect(parseLogLine(`type=CWD msg=audit(1.000:2): ${n}=1`).fields[0]!.name).toBe(n);
  });
});
