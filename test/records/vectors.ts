import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordTypeName } from '../../src/records/index.js';

export const VECTORS = fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));
export const AUPARSE = fileURLToPath(new URL('../fixtures/auparse/', import.meta.url));

/** Types auditd 3.0.9's netlink handler does not write to the log (control replies, daemon types). */
function isLoggedRecord(type: number): boolean {
  return !(type <= 1000 || (type >= 1007 && type <= 1019) || (type >= 1200 && type <= 1299) || type === 1329);
}

/**
 * audit.log lines from a transcript of little-endian datagrams: strip the 16-byte nlmsghdr (its
 * length is only a hint: the unicast quirk), drop trailing NULs, write `type=NAME msg=PAYLOAD`.
 */
export function transcriptToLog(path: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path, 'latin1').split('\n')) {
    if (line.startsWith('#') || line.includes('(peek)')) continue;
    const parts = line.trim().split(/\s+/);
    const hex = parts[parts.length - 1] ?? '';
    if (!/^[0-9a-fA-F]{32,}$/.test(hex)) continue;
    const bytes = Buffer.from(hex, 'hex');
    const type = bytes.readUInt16LE(4);
    if (!isLoggedRecord(type)) continue;
    let end = bytes.length;
    while (end > 16 && bytes[end - 1] === 0) end--;
    out.push(`type=${recordTypeName(type)} msg=${bytes.subarray(16, end).toString('latin1')}`);
  }
  return out;
}

/** Lines of a log file (latin1, so every byte is one character), without the final empty line. */
export function logLines(path: string): string[] {
  const lines = readFileSync(path, 'latin1').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
