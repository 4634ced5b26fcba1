import { readFileSync } from 'node:fs';
import type { AuditRecord } from '../../src/records/index.js';

/** One record as scripts/auparse-ref.py prints it. */
export interface RefRecord {
  readonly sec: number;
  readonly msec: number;
  readonly serial: number;
  readonly node: string | null;
  readonly type: number;
  readonly type_name: string | null;
  readonly fields: readonly (readonly [string | null, string | null, string | null, number])[];
}

export function readRef(path: string): RefRecord[] {
  return parseRef(readFileSync(path, 'utf8'));
}

export function parseRef(text: string): RefRecord[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as RefRecord);
}

function key(sec: number, msec: number, serial: number, type: number): string {
  return `${sec}.${msec}:${serial}/${type}`;
}

/**
 * Pairs our records with auparse's. auparse prints records grouped by event (not in line order)
 * and drops EOE, so records are matched by (time, serial, type) in order of appearance.
 */
export function pairWithRef(ours: readonly AuditRecord[], ref: readonly RefRecord[]): { pairs: [AuditRecord, RefRecord][]; unmatchedRef: RefRecord[]; unmatchedOurs: AuditRecord[] } {
  const queues = new Map<string, RefRecord[]>();
  for (const r of ref) {
    const k = key(r.sec, r.msec, r.serial, r.type);
    const q = queues.get(k);
    if (q === undefined) queues.set(k, [r]);
    else q.push(r);
  }
  const pairs: [AuditRecord, RefRecord][] = [];
  const unmatchedOurs: AuditRecord[] = [];
  for (const r of ours) {
    const q = queues.get(key(r.time.sec, r.time.msec, r.serial, r.type));
    const m = q?.shift();
    if (m === undefined) unmatchedOurs.push(r);
    else pairs.push([r, m]);
  }
  return { pairs, unmatchedRef: [...queues.values()].flat(), unmatchedOurs };
}
