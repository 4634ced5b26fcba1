import { AuditError, type AuditErrorCode } from '../bytes/errors.js';

/**
 * How hard decoders check what they read (docs/errors.md): `strict` refuses anything no kernel,
 * auditctl or libaudit sends; `lenient` decodes what it can and records a warning instead.
 */
export type Validation = 'strict' | 'lenient';

/** A problem a lenient decode noticed and stepped over; the same fields as an `AuditError`. */
export interface AuditWarning {
  readonly code: AuditErrorCode;
  readonly message: string;
  readonly offset: number;
  readonly path: string;
}

/**
 * Collects problems: under `strict` the first one throws, under `lenient` they pile up as warnings.
 *
 * @example
 * const issues = new Issues('lenient');
 * issues.report(AuditErrorCode.BAD_PADDING, 'padding is not zero', 52, 'msg[0].padding');
 * issues.warnings.length // 1
 */
export class Issues {
  readonly validation: Validation;
  readonly warnings: AuditWarning[] = [];

  constructor(validation: Validation) {
    this.validation = validation;
  }

  /** Throw (strict) or remember (lenient) one problem. */
  report(code: AuditErrorCode, message: string, offset: number, path: string): void {
    const err = new AuditError(code, message, { offset, path });
    if (this.validation === 'strict') throw err;
    this.warnings.push({ code, message: err.message, offset, path });
  }

  /** Remember an error that was already thrown and caught (lenient fallbacks). */
  absorb(err: AuditError): void {
    if (this.validation === 'strict') throw err;
    this.warnings.push({ code: err.code, message: err.message, offset: err.offset, path: err.path });
  }

  /** A fresh collector with the same validation, for one nested unit (a message). */
  child(): Issues {
    return new Issues(this.validation);
  }
}

/** True when every byte is zero (padding and reserved bytes). */
export function allZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
