/**
 * Shrink an input that breaks the contract to a small one that still breaks it the same way
 * (same violation kind and the same first words of the message), by cutting chunks, then single
 * bytes, then zeroing bytes. Bounded by `budget` contract checks.
 */
import { checkContract, type Target, type Violation } from './targets.js';

export function sameViolation(a: Violation, b: Violation | undefined): boolean {
  if (b === undefined || a.kind !== b.kind) return false;
  const head = (m: string): string => m.replace(/[0-9]+/g, 'N').slice(0, 40);
  return head(a.message) === head(b.message);
}

export function shrink(t: Target, input: Uint8Array, budget = 2000): { bytes: Uint8Array; violation: Violation } {
  const first = checkContract(t, input);
  if (first === undefined) throw new Error('shrink: the input does not break the contract');
  let best = input;
  let bestV = first;
  let checks = 0;
  const tryIt = (cand: Uint8Array): boolean => {
    if (checks++ >= budget) return false;
    const v = checkContract(t, cand);
    if (!sameViolation(first, v)) return false;
    best = cand;
    bestV = v!;
    return true;
  };
  for (let chunk = Math.max(1, best.length >> 1); chunk >= 1 && checks < budget; chunk >>= 1) {
    let progress = true;
    while (progress && checks < budget) {
      progress = false;
      for (let at = 0; at < best.length && checks < budget; at += chunk) {
        const cand = new Uint8Array(best.length - Math.min(chunk, best.length - at));
        cand.set(best.subarray(0, at));
        cand.set(best.subarray(at + chunk), at);
        if (tryIt(cand)) {
          progress = true;
          at -= chunk;
        }
      }
    }
  }
  for (let i = 0; i < best.length && checks < budget; i++) {
    if (best[i] === 0) continue;
    const cand = best.slice();
    cand[i] = 0;
    tryIt(cand);
  }
  return { bytes: best, violation: bestV };
}
