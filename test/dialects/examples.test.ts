import { describe, expect, it } from 'vitest';
import {
  buildRecordFrame,
  fieldValue,
  formatContid,
  formatContidList,
  formatDev,
  getDialect,
  initialNamespaceName,
  parseDev,
  singleContid,
  splitFields,
  typeNumber,
  untrustedValue,
  valueOffset,
} from '../../src/audit/dialects/index.js';

/** The @example lines of the doc comments, run. */
describe('doc comment examples', () => {
  it('say what the code does', () => {
    expect(fieldValue(splitFields('a=1 b=2'), 'b')).toBe('2');
    expect(valueOffset(splitFields('a=1 bb=2'), 1)).toBe(7);
    expect(formatDev({ major: 0xfd, minor: 0 })).toBe('fd:00');
    expect(parseDev('00:04')).toEqual({ major: 0, minor: 4 });
    expect(typeNumber(getDialect('ghak90-v8'), 'CONTAINER_ID')).toBe(1335);
    expect(formatContid(-1n)).toBe('-1');
    expect(formatContidList(singleContid(5n))).toBe('5');
    expect(untrustedValue('container-create')).toBe('"container-create"');
    expect(untrustedValue('a b')).toBe('612062');
    expect(untrustedValue('')).toBe('""');
    expect(untrustedValue(null)).toBe('(null)');
    expect(initialNamespaceName(0xeffffffe)).toBe('init_uts');
    expect(buildRecordFrame(1307, { time: { sec: 1700000000, msec: 123 }, serial: 42 }, 'cwd="/root"', { littleEndian: true }).length).toBe(53);
  });

  it('the worked CWD example of reference §1.10 comes out byte for byte, in both length conventions', () => {
    const hex = '250000001b050000000000000000000061756469742831373030303030303030' + '2e3132333a3432293a206377643d222f726f6f7422';
    const expected = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    const stamp = { time: { sec: 1700000000, msec: 123 }, serial: 42 };
    expect(buildRecordFrame(1307, stamp, 'cwd="/root"', { littleEndian: true })).toEqual(expected);
    const multicast = expected.slice();
    multicast[0] = 0x35;
    expect(buildRecordFrame(1307, stamp, 'cwd="/root"', { littleEndian: true, framing: 'multicast' })).toEqual(multicast);
  });
});
