/**
 * True if a record of this type ends its event in audit.log, where EOE is never written
 * (auditd's `audit_is_last_record`, reference §4.8): PROCTITLE, EOE, 1006 < type < 1300,
 * AUDIT_USER 1005, AUDIT_KERNEL 2000, every type ≥ 2100, and the NetLabel single-record types
 * 1406–1419.
 *
 * @example isLastRecord(1327) // → true (PROCTITLE)
 */
export function isLastRecord(type: number): boolean {
  return (
    type === 1327 || type === 1320 || (type > 1006 && type < 1300) || type === 1005 || type >= 2100 || type === 2000 ||
    (type >= 1406 && type <= 1419)
  );
}
