import { readFileSync } from 'node:fs';
import { fromHex } from '../../src/bytes/hex.js';

export const VECTORS = 'test/fixtures/vectors';

/** One datagram of a hex transcript, read here independently of src/capture. */
export interface HexLine {
  readonly verb: 'sendto' | 'recvfrom' | 'bare';
  readonly bytes: Uint8Array;
  readonly line: number;
}

/** `sendto HEX` / `recvfrom HEX` / bare hex lines; `(peek)` lines and `#` comments skipped. */
export function readTranscript(name: string): HexLine[] {
  const out: HexLine[] = [];
  readFileSync(`${VECTORS}/${name}`, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || line.includes('(peek)')) return;
      const m = /^(sendto|recvfrom)?\s*([0-9a-fA-F]+)$/.exec(line);
      if (m === null) throw new Error(`${name}:${i + 1}: not a transcript line`);
      out.push({ verb: (m[1] as 'sendto' | 'recvfrom' | undefined) ?? 'bare', bytes: fromHex(m[2]!), line: i + 1 });
    });
  return out;
}

/** The `# auditctl printed: NAME VALUE` lines. */
export function auditctlPrinted(name: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of readFileSync(`${VECTORS}/${name}`, 'utf8').split('\n')) {
    const hit = /^# auditctl printed: (\S+) (.*)$/.exec(line);
    if (hit !== null) m.set(hit[1]!, hit[2]!);
  }
  return m;
}
