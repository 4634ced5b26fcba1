import { AuditError, AuditErrorCode } from '../bytes/errors.js';

/**
 * libaudit's rule error numbers and the text `audit_number_to_errmsg` prints for them
 * (audit-userspace 3.0.9 lib/errormsg.h). `%s` is the offending token. Kept as data so that the
 * messages here read like auditctl's and docs/rules.md can list them all.
 */
export const LIBAUDIT_RULE_ERRORS: ReadonlyMap<number, string> = new Map([
  [-1, '-F missing operation for %s'],
  [-2, '-F unknown field: %s'],
  [-3, '%s must be before -S'],
  [-4, '%s machine type not found'],
  [-5, '%s elf mapping not found'],
  [-6, '%s requested bit level not supported by machine'],
  [-7, '%s can only be used with exit filter list'],
  [-8, '-F unknown message type - %s'],
  [-9, 'msgtype field can only be used with exclude or user filter list'],
  [-11, 'String value too long: %s'],
  [-12, 'Only msgtype, *uid, *gid, pid, and subj* fields can be used with exclude filter: %s'],
  [-13, '%s only takes = or != operators'],
  [-14, "Permission can only contain 'rwxa': %s"],
  [-15, '-F unknown errno - %s'],
  [-16, '-F unknown file type - %s'],
  [-19, 'Key field needs a watch, syscall or exe path given prior to it: %s'],
  [-20, '-F missing value after operation for %s'],
  [-21, '-F value should be number for %s'],
  [-22, '-F missing field name before operator for %s'],
  [-24, '-C missing field name before operator for %s'],
  [-25, '-C missing value after operation for %s'],
  [-26, '-C unknown field: %s'],
  [-27, '-C unknown right hand value for comparison with: %s'],
  [-28, 'Too many fields in rule: %s'],
  [-29, '%s only takes = operator'],
  [-31, '%s must be used with exclude, user, or exit filter'],
  [-33, '-C incompatible comparison %s'],
  [-34, '%s field is not valid for the filter'],
  [-36, 'file system type is unknown for field: %s'],
  [-37, 'value is too large for field: %s'],
  [-38, 'Unknown user or group: %s'],
  [-39, 'Syscall name unknown: %s'],
]);

/** Where in the rule text a token sits, so that errors can point at it. */
export interface TokenRef {
  readonly text: string;
  /** Character offset of the token in the rule line. */
  readonly offset: number;
}

/**
 * An `AUDIT_ERR_BAD_RULE` for `token`: `offset` is the token's character offset in the rule line,
 * `path` names the token (`-F uid=bob`), `expected` carries libaudit's error number when there is one.
 */
export function ruleError(message: string, token: TokenRef, libauditCode?: number): AuditError {
  return new AuditError(AuditErrorCode.BAD_RULE, message, {
    offset: token.offset,
    path: token.text,
    ...(libauditCode === undefined ? {} : { expected: libauditCode }),
  });
}

/** The error libaudit reports as `code` for `token` (its text, with the token filled in). */
export function libauditError(code: number, token: TokenRef, shown: string = token.text): AuditError {
  const template = LIBAUDIT_RULE_ERRORS.get(code) ?? `libaudit error ${code}: %s`;
  return ruleError(template.replace('%s', shown), token, code);
}
