/**
 * Generate one corpus file: node bench/.dist/corpus/cli.js KIND [--size 16MB] [--seed 1]
 *   [--shape dense|sparse] [--enriched] [--count N] [--out PATH]
 * KIND: log | pcap | status | rules. Prints the path written.
 */
import { parseArgs } from 'node:util';
import { copyFileSync } from 'node:fs';
import { ensureAuditLog, ensurePcap, ensureRules, ensureStatus } from './files.js';
import { parseSize } from '../util.js';

const USAGE = 'usage: node bench/.dist/corpus/cli.js log|pcap|status|rules [--size 16MB] [--seed 1] [--shape dense|sparse] [--enriched] [--count N] [--out PATH]\n';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      size: { type: 'string', default: '16MB' },
      seed: { type: 'string', default: '1' },
      shape: { type: 'string', default: 'dense' },
      enriched: { type: 'boolean', default: false },
      count: { type: 'string', default: '100000' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const kind = positionals[0];
  const seed = Number(values.seed);
  const shape = values.shape;
  if (shape !== 'dense' && shape !== 'sparse') {
    process.stderr.write(`bad --shape ${shape}\n${USAGE}`);
    return 2;
  }
  const sizeBytes = parseSize(values.size);
  const count = Number(values.count);
  let path: string;
  switch (kind) {
    case 'log':
      path = ensureAuditLog({ seed, shape, sizeBytes, enriched: values.enriched });
      break;
    case 'pcap':
      path = ensurePcap({ seed, shape, sizeBytes });
      break;
    case 'status':
      path = ensureStatus({ seed, count });
      break;
    case 'rules':
      path = ensureRules({ seed, count });
      break;
    default:
      process.stderr.write(USAGE);
      return 2;
  }
  if (values.out !== undefined) {
    copyFileSync(path, values.out);
    path = values.out;
  }
  process.stdout.write(`${path}\n`);
  return 0;
}

process.exitCode = main();
