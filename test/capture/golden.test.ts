import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readCapture } from '../../src/capture/index.js';
import { CAPTURES, VECTORS, hex } from './helpers.js';

interface TsharkPacket {
  time_ns: string;
  interface_id: number;
  frame: string;
}

// Answers written by scripts/tshark-golden.py (Wireshark's reader, not this library's).
const GOLDEN = CAPTURES + 'tshark/';
const files = readdirSync(GOLDEN).map((f) => f.replace(/\.json$/, ''));

function fixture(name: string): Uint8Array {
  for (const dir of [VECTORS, CAPTURES]) {
    try {
      return new Uint8Array(readFileSync(dir + name));
    } catch {
      // not in this directory
    }
  }
  throw new Error(`no fixture ${name}`);
}

describe('pcap and pcapng readers agree with tshark', () => {
  test('every golden has its capture', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  test.each(files)('%s: frames, times', (name) => {
    const golden = JSON.parse(readFileSync(`${GOLDEN}${name}.json`, 'utf8')) as TsharkPacket[];
    const ours = [...readCapture(fixture(name)).datagrams].map((d) => ({
      time_ns: String(d.timestampNs),
      frame: hex(d.linkHeader!) + hex(d.bytes),
    }));
    expect(ours).toEqual(golden.map(({ time_ns, frame }) => ({ time_ns, frame })));
  });

  test('interface ids within one section match tshark', () => {
    const golden = JSON.parse(readFileSync(`${GOLDEN}status.three-links.pcapng.json`, 'utf8')) as TsharkPacket[];
    const ours = [...readCapture(fixture('status.three-links.pcapng')).datagrams].map((d) => d.interfaceId);
    expect(ours).toEqual(golden.map((p) => p.interface_id));
  });
});
