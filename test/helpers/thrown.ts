import { AuditError } from '../../src/bytes/errors.js';

/** The `AuditError` that `f` throws; any other outcome fails the test. */
export function thrown(f: () => unknown): AuditError {
  try {
    f();
  } catch (e) {
    if (e instanceof AuditError) return e;
    throw e;
  }
  throw new Error('did not throw');
}
