import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ERRNO_NAMES, ERRNO_NUMBERS } from '../src/tables/errno.js';
import { MAINLINE_MSG_TYPE_NAMES } from '../src/tables/msg-types.js';

describe('tables', () => {
  it('errno numbers are the asm-generic ones', () => {
    expect(ERRNO_NAMES.get(1)).toBe('EPERM');
    expect(ERRNO_NAMES.get(22)).toBe('EINVAL');
    expect(ERRNO_NAMES.get(40)).toBe('ELOOP');
    expect(ERRNO_NAMES.get(42)).toBe('ENOMSG');
    expect(ERRNO_NAMES.get(61)).toBe('ENODATA');
    expect(ERRNO_NAMES.get(75)).toBe('EOVERFLOW');
    expect(ERRNO_NAMES.get(95)).toBe('EOPNOTSUPP');
    expect(ERRNO_NAMES.get(111)).toBe('ECONNREFUSED');
    expect(ERRNO_NAMES.get(125)).toBe('ECANCELED');
    expect(ERRNO_NAMES.get(133)).toBe('EHWPOISON');
    expect(ERRNO_NUMBERS.get('EWOULDBLOCK')).toBe(11);
  });

  it('message type names follow libaudit, then uapi', () => {
    expect(MAINLINE_MSG_TYPE_NAMES.get(1300)).toBe('SYSCALL');
    expect(MAINLINE_MSG_TYPE_NAMES.get(1000)).toBe('GET');
    expect(MAINLINE_MSG_TYPE_NAMES.get(1336)).toBe('URINGOP');
    expect(MAINLINE_MSG_TYPE_NAMES.get(1100)).toBe('USER_AUTH');
    expect(MAINLINE_MSG_TYPE_NAMES.get(1808)).toBe('INTEGRITY_USERSPACE');
  });

  it('the generated libaudit tables are up to date with data/', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-tables.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
