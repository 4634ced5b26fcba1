import { parseArgs } from 'node:util';
import { decodeDatagram } from '../../audit/datagram.js';
import { isAuditError } from '../../bytes/errors.js';
import { recordOfItem } from '../../capture/records.js';
import { EventAssembler } from '../../events/assembler.js';
import type { EventOutput } from '../../events/types.js';
import { inputSize } from '../../node/capture.js';
import { openInput, parseByteOrder, parseInputFormat } from '../../node/input.js';
import { progressReporter } from '../../node/progress.js';
import type { CliIO, Command } from '../io.js';

const USAGE = `usage: audit-netlink stats [options] FILE|-

Count what a capture holds: messages per type, records, events, fields, bytes, serial gaps, the
kernel's lost counter (from status replies), and errors and notices by code.

options:
  --input-format F   pcap, pcapng, strace, hex, raw or log (default: detected from the content)
  --byte-order le|be     byte order of the netlink messages (default: the capture's, else le)
  --format F         text (default) or json
`;

/** What `stats` counts (the `--format json` object). */
export interface CaptureStats {
  format: string | undefined;
  bytes: number;
  datagrams: number;
  messages: number;
  types: Record<string, number>;
  records: number;
  fields: number;
  events: number;
  serialGaps: number;
  missingSerials: number;
  /** `lost` of the last AUDIT_GET reply seen, if any: what the kernel itself dropped. */
  kernelLost: number | undefined;
  errors: Record<string, number>;
  notices: Record<string, number>;
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1;
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'count messages per type, records, events, fields, bytes and errors',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'input-format': { type: 'string' },
        'byte-order': { type: 'string' },
        format: { type: 'string' },
      },
    });
    const outFormat = values.format ?? 'text';
    if (positionals.length !== 1 || (outFormat !== 'text' && outFormat !== 'json')) {
      io.stderr.write(USAGE);
      return 2;
    }
    const format = parseInputFormat(values['input-format']);
    const littleEndian = parseByteOrder(values['byte-order']);
    const path = positionals[0]!;
    const progress = progressReporter(io.stderr, await inputSize(path));
    const s: CaptureStats = {
      format,
      bytes: 0,
      datagrams: 0,
      messages: 0,
      types: {},
      records: 0,
      fields: 0,
      events: 0,
      serialGaps: 0,
      missingSerials: 0,
      kernelLost: undefined,
      errors: {},
      notices: {},
    };
    const assembler = new EventAssembler();
    const count = (outs: EventOutput[]): void => {
      for (const o of outs) {
        if (o.kind === 'event') s.events++;
        else {
          s.serialGaps++;
          s.missingSerials += o.gap.missing;
        }
      }
    };
    const opts = {
      onFormat: (f: string) => {
        s.format = f;
      },
      onProgress: (n: number) => {
        s.bytes = n;
        progress.update(n, s.messages);
      },
      ...(format === undefined ? {} : { format }),
      ...(littleEndian === undefined ? {} : { littleEndian }),
    };
    for await (const item of openInput(path, io.stdin, opts)) {
      if (item.kind === 'error') bump(s.errors, item.error.code);
      else if (item.kind === 'notice') bump(s.notices, item.notice.code);
      else {
        if (item.kind === 'datagram') {
          s.datagrams++;
          try {
            const d = decodeDatagram(item.datagram.bytes, { littleEndian: item.datagram.littleEndian ?? littleEndian ?? true, base: item.datagram.offset });
            for (const m of d.messages) {
              s.messages++;
              bump(s.types, m.name);
              if (m.kind === 'status' && m.direction === 'from-kernel') s.kernelLost = m.body.lost;
            }
          } catch (e) {
            if (!isAuditError(e)) throw e;
            bump(s.errors, e.code);
          }
        } else {
          s.messages++;
          bump(s.types, item.line.typeName);
        }
        try {
          const r = recordOfItem(item);
          if (r !== undefined) {
            s.records++;
            s.fields += r.fields.length;
            count(assembler.push(r));
          }
        } catch (e) {
          if (!isAuditError(e)) throw e;
          bump(s.errors, e.code);
        }
      }
    }
    count(assembler.flush());
    progress.done();
    io.stdout.write(outFormat === 'json' ? `${JSON.stringify(s)}\n` : statsText(s));
    return 0;
  },
};

/**
 * The human-readable form: totals, then types by count.
 *
 * @example io.stdout.write(statsText(stats))
 */
export function statsText(s: CaptureStats): string {
  const lines = [
    `bytes          ${s.bytes}`,
    `datagrams      ${s.datagrams}`,
    `messages       ${s.messages}`,
    `records        ${s.records}`,
    `fields         ${s.fields}`,
    `events         ${s.events}`,
    `serial gaps    ${s.serialGaps} (${s.missingSerials} serials missing)`,
    `kernel lost    ${s.kernelLost ?? 'n/a (no status reply in the input)'}`,
  ];
  const table = (title: string, m: Record<string, number>): void => {
    const keys = Object.keys(m).sort((a, b) => m[b]! - m[a]! || a.localeCompare(b));
    if (keys.length === 0) return;
    lines.push('', title);
    for (const k of keys) lines.push(`  ${String(m[k]).padStart(8)}  ${k}`);
  };
  table('types', s.types);
  table('errors', s.errors);
  table('notices', s.notices);
  return `${lines.join('\n')}\n`;
}
