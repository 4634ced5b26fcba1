import { parseArgs } from 'node:util';
import { recordOfItem } from '../../capture/records.js';
import { isAuditError } from '../../bytes/errors.js';
import type { AuditError } from '../../bytes/errors.js';
import { EventAssembler } from '../../events/assembler.js';
import { matchEvent, parseFilter } from '../../events/filter.js';
import type { AuditEvent, EventOutput } from '../../events/types.js';
import { recordToJson } from '../../records/json.js';
import { inputSize } from '../../node/capture.js';
import { openInput } from '../../node/input.js';
import { INPUT_OPTIONS, inputChoice } from '../input-options.js';
import { progressReporter } from '../../node/progress.js';
import type { CliIO, Command } from '../io.js';
import { dialectTypeNumbers } from './decode.js';

const USAGE = `usage: audit-netlink events [options] FILE|-

Reassemble records into events (as auparse does) and print one JSON object per event.

options:
  --input-format F     pcap, pcapng, strace, hex, raw or log (default: detected from the content)
  --dialect NAME       type names of a patched kernel's log (docs/dialects.md; default mainline)
  --byte-order le|be   byte order of the netlink messages (default: the capture's, else le)
  --filter EXPR        keep events matching EXPR (repeatable; docs/filters.md), e.g. 'key=container-create'
  --max-in-flight N    events under construction at once (default 64)
  --timeout SECONDS    close an event when a record this much later arrives (event time; default 2)
  --gaps               also print serial gaps as {"gap": {...}} lines
`;

/**
 * The JSON Lines object of one event (docs/events.md).
 *
 * @example JSON.stringify(eventToJson(event)) // → '{"time":{...},"serial":59,"end":"last-record","records":[...]}'
 */
export function eventToJson(e: AuditEvent): object {
  return {
    ...(e.node === undefined ? {} : { node: e.node }),
    time: e.time,
    serial: e.serial,
    end: e.end,
    records: e.records.map((r) => recordToJson(r)),
  };
}

function positiveInt(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`${name} must be a non-negative integer`);
  return n;
}

export const eventsCommand: Command = {
  name: 'events',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        ...INPUT_OPTIONS,
        dialect: { type: 'string' },
        filter: { type: 'string', multiple: true },
        'max-in-flight': { type: 'string' },
        timeout: { type: 'string' },
        gaps: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) {
      io.stderr.write(USAGE);
      return 2;
    }
    // Everything about the request is checked before the first byte is read.
    const filter = parseFilter(values.filter ?? []);
    const { format, littleEndian } = inputChoice(values);
    let typeNumbers: ReadonlyMap<string, number> | undefined;
    try {
      typeNumbers = dialectTypeNumbers(values.dialect);
    } catch (e) {
      if (!isAuditError(e)) throw e;
      io.stderr.write(`audit-netlink events: ${e.message}\n`);
      return 2;
    }
    let maxInFlight: number;
    let timeoutSeconds: number;
    try {
      maxInFlight = positiveInt(values['max-in-flight'], '--max-in-flight', 64);
      timeoutSeconds = positiveInt(values.timeout, '--timeout', 2);
    } catch (e) {
      io.stderr.write(`audit-netlink events: ${(e as Error).message}\n`);
      return 2;
    }
    const path = positionals[0]!;
    const progress = progressReporter(io.stderr, await inputSize(path));
    let bytesRead = 0;
    let records = 0;
    const errors: AuditError[] = [];
    const assembler = new EventAssembler({ maxInFlight, timeoutSeconds });
    const emit = (outs: EventOutput[]): void => {
      for (const o of outs) {
        if (o.kind === 'gap') {
          if (values.gaps === true) io.stdout.write(`${JSON.stringify({ gap: o.gap })}\n`);
          io.stderr.write(`audit-netlink events: serial gap: ${o.gap.missing} missing after ${o.gap.after} (next ${o.gap.next})\n`);
        } else if (filter.terms.length === 0 || matchEvent(filter, o.event)) {
          io.stdout.write(`${JSON.stringify(eventToJson(o.event))}\n`);
        }
      }
    };
    const opts = {
      onProgress: (n: number) => {
        bytesRead = n;
        progress.update(bytesRead, records);
      },
      ...(format === undefined ? {} : { format }),
      ...(littleEndian === undefined ? {} : { littleEndian }),
      ...(typeNumbers === undefined ? {} : { typeNumbers }),
    };
    for await (const item of openInput(path, io.stdin, opts)) {
      if (item.kind === 'error') {
        errors.push(item.error);
        continue;
      }
      try {
        const r = recordOfItem(item, typeNumbers === undefined ? {} : { typeNumbers });
        if (r === undefined) continue;
        records++;
        emit(assembler.push(r));
      } catch (e) {
        if (!isAuditError(e)) throw e;
        errors.push(e);
      }
    }
    emit(assembler.flush());
    progress.done();
    for (const e of errors) io.stderr.write(`audit-netlink events: ${e.code}: ${e.message}\n`);
    return errors.length === 0 ? 0 : 1;
  },
};
