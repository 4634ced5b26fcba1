import { avcDecision } from '../../src/records/index.js';
import type { AuditRecord } from '../../src/records/index.js';
import { fieldKind, FIELD_KIND_NUMBERS, interpretField } from '../../src/interpret/index.js';
import type { RefRecord } from '../records/auparse-ref.js';

/**
 * Where this library deliberately differs from libauparse 3.0.9 (docs/interpretation.md,
 * "Differences from libauparse"). Each entry names the case exactly; anything else that
 * differs is a failure.
 */
export function knownInterpDifference(r: AuditRecord, name: string, raw: string, ours: string, ref: string | null): string | undefined {
  if (name === 'syscall' && r.type !== 1300 && ref === 'unknown-syscall(-1)') return 'syscall outside SYSCALL records';
  if (name === 'proctitle' && raw.startsWith('00')) return 'proctitle starting with NUL';
  if (ref === 'IGPWR' && ours === 'SIGPWR') return 'signal 30 misspelt in libauparse';
  if (fieldKind(r.type, name, raw) === 'tty-data' && /1B[0-9A-F]{0,4}$/.test(raw)) return 'TTY data ending inside an escape sequence';
  const kind = fieldKind(r.type, name, raw);
  if (/^a[0-3]$/.test(kind) && /^unknown\(-?\d+\)$/.test(ours) && ref !== null && !ref.startsWith('unknown')) return 'user/group name from the host';
  if (kind === 'ns-inode' && ref === raw && /^init_[a-z]+$/.test(ours)) return 'initial namespace inode named (extension)';
  if (raw.startsWith('"') && !raw.endsWith('"') && ref !== null && ours === raw.slice(1)) return 'unterminated quote';
  if (!raw.startsWith('"') && !/^[0-9A-Fa-f]*$/.test(raw) && ours === raw && ['escaped', 'escaped-file', 'escaped-key'].includes(fieldKind(r.type, name, raw))) {
    return 'escaped value that is neither quoted nor hex';
  }
  return undefined;
}

/** A machine-dependent interpretation (user and group names): compared only for `unset`, or when an ENRICHED suffix names them. */
function machineDependent(refType: number, refInterp: string | null): boolean {
  return (refType === 1 || refType === 2) && refInterp !== 'unset';
}

/** Every disagreement between our reading of a record and auparse's, as readable lines. */
export function compareRecord(ours: AuditRecord, ref: RefRecord): string[] {
  const problems: string[] = [];
  const where = `${ours.typeName} ${ours.time.sec}.${ours.time.msec}:${ours.serial}`;
  if (ours.type !== ref.type) problems.push(`${where}: type ${ours.type} vs ${ref.type}`);
  if ((ref.type_name ?? `UNKNOWN[${ref.type}]`) !== ours.typeName) problems.push(`${where}: type name ${ours.typeName} vs ${ref.type_name}`);
  if ((ours.node ?? null) !== ref.node) problems.push(`${where}: node ${ours.node} vs ${ref.node}`);
  const refFields = ref.fields.slice(1).filter((f) => !(f[0] === 'node' && ours.node !== undefined && f[1] === ours.node));
  let refList = refFields;
  const avc = avcDecision(ours);
  if (avc !== undefined && refList[0]?.[0] === 'seresult') {
    if (refList[0][1] !== avc.result || refList[1]?.[1] !== avc.perms) problems.push(`${where}: avc ${JSON.stringify(avc)} vs ${JSON.stringify(refList.slice(0, 2))}`);
    refList = refList.slice(2);
  }
  // auparse drops `name=` with an empty value; we keep it (docs/interpretation.md).
  const ourFields = ours.fields.filter((f) => f.raw !== '');
  if (ourFields.length !== refList.length) {
    problems.push(`${where}: ${ourFields.length} fields vs ${refList.length}: ${ourFields.map((f) => f.name).join(',')} / ${refList.map((f) => f[0]).join(',')}`);
    return problems;
  }
  ourFields.forEach((f, i) => {
    const [name, raw, interp, type] = refList[i]!;
    if (f.name !== name || f.raw !== raw) problems.push(`${where}: field ${i} ${f.name}=${f.raw} vs ${name}=${raw}`);
    const kind = FIELD_KIND_NUMBERS[fieldKind(ours.type, f.name, f.raw)];
    if (kind !== type) problems.push(`${where}: ${f.name} kind ${kind} vs ${type}`);
    const named = ours.enriched?.some((e) => e.name === f.name.toUpperCase()) === true;
    if (!named && machineDependent(type, interp)) return;
    const mine = interpretField(ours, f);
    if (mine !== interp && knownInterpDifference(ours, f.name, f.raw, mine, interp) === undefined) {
      problems.push(`${where}: ${f.name}=${f.raw} interpreted ${JSON.stringify(mine)} vs ${JSON.stringify(interp)}`);
    }
  });
  return problems;
}
