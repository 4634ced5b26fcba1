import { AuditError } from '../../src/bytes/errors.js';

/** The `AuditError` that `fn` throws; anything else thrown, or nothing, fails the test. */
export function thrown(fn: () => unknown): AuditError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuditError) return e;
    throw new Error(`expected an AuditError, got ${String(e)}`);
  }
  throw new Error('expected an AuditError, nothing was thrown');
}
