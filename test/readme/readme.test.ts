import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeDatagram, readCapture } from '../../src/index.js';

// The README's library example, verbatim but for the import path (checked below).
export function summarize(file: Uint8Array): string[] {
  const out: string[] = [];
  for (const d of readCapture(file).datagrams) {
    const { messages } = decodeDatagram(d.bytes, { littleEndian: d.littleEndian ?? true, framing: 'auto' });
    for (const m of messages) {
      switch (m.kind) {
        case 'status': out.push(`backlog_limit=${m.body.backlog_limit}`); break;
        case 'text': out.push(`${m.name} ${m.body.text}`); break;
        default: out.push(m.name);
      }
    }
  }
  return out;
}

describe('README', () => {
  it('shows this file’s example verbatim', () => {
    const readme = readFileSync('README.md', 'utf8');
    const self = readFileSync('test/readme/readme.test.ts', 'utf8');
    const body = self.slice(self.indexOf('export function summarize'), self.indexOf('\n}\n') + 3);
    expect(readme).toContain(body);
  });

  it('the example decodes the demo capture and the status capture', () => {
    const events = summarize(readFileSync('test/fixtures/vectors/events.multicast.netlink.pcap'));
    expect(events).toHaveLength(60);
    // The first event record of the capture is a CONFIG_CHANGE for `-a ... -k oracle-ns` (events.multicast.txt line 1).
    expect(events[0]).toMatch(/^CONFIG_CHANGE audit\(1795547277\.778:2\): auid=4294967295 ses=4294967295 op=add_rule key="oracle-ns" list=4 res=1$/);
    const status = summarize(readFileSync('test/fixtures/vectors/status.netlink.pcap'));
    // auditctl printed "backlog_limit 64" for this exchange (auditctl-status.txt).
    // auditctl -s: GET, its ACK, the status reply, GET_FEATURE, its ACK, the features reply.
    expect(status).toEqual(['GET', 'NLMSG_ERROR', 'backlog_limit=64', 'GET_FEATURE', 'NLMSG_ERROR', 'GET_FEATURE']);
  });

  it('opens with the two commands a new user runs', () => {
    const readme = readFileSync('README.md', 'utf8');
    const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
    expect(firstBlock).toContain('npm ci && npm run demo');
    expect(firstBlock).toContain('npm ci && npm test');
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toMatch(/npm ci[^\n]*\nnpm test\n/);
  });
});
