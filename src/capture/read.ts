import { detectFormat } from './detect.js';
import { logLineDatagram } from './log-datagram.js';
import { wholeCaptureReader } from './stream.js';
import type { CaptureFormat, CaptureItem, CaptureNotice, CaptureReadOptions, CapturedDatagram } from './types.js';
import { isAuditError } from '../bytes/errors.js';
import type { AuditError } from '../bytes/errors.js';

/**
 * Every item of a whole capture in memory, in input order: datagrams, log lines, notices and
 * errors. The same reader as for streams, fed once; it reads `bytes` in place (leave them
 * unchanged while iterating), and the datagrams it yields own copies of their bytes.
 *
 * @example for (const item of readCaptureItems(bytes)) if (item.kind === 'error') console.error(item.error.message);
 */
export function* readCaptureItems(bytes: Uint8Array, opts: CaptureReadOptions = {}): Generator<CaptureItem> {
  const r = wholeCaptureReader(bytes, opts);
  for (let item = r.next(); item !== undefined; item = r.next()) yield item;
}

/**
 * The datagram of a capture item: a captured datagram as it is; for an audit.log line, the
 * datagram a multicast reader would have received (`logLineDatagram`, `payloadKind: 'text'`), its
 * type from `opts.typeNumbers` (default mainline) and in `opts.littleEndian` (default
 * little-endian); `undefined` for notices and errors. A type name the map does not know throws
 * `AUDIT_ERR_BAD_RECORD` at the line's offset.
 *
 * @example for await (const item of readCaptureStream(src, opts)) { const d = datagramOfItem(item, opts); ... }
 */
export function datagramOfItem(item: CaptureItem, opts: CaptureReadOptions = {}): CapturedDatagram | undefined {
  if (item.kind === 'datagram') return item.datagram;
  if (item.kind !== 'line') return undefined;
  return logLineDatagram(item.line, opts.littleEndian ?? true, opts.typeNumbers === undefined ? {} : { typeNumbers: opts.typeNumbers });
}

export interface CaptureRead {
  readonly format: CaptureFormat;
  /**
   * The datagrams, lazily. For audit.log input each record line becomes the datagram a multicast
   * reader would have received (type from its name, standard `nlmsg_len`, `payloadKind: 'text'`).
   */
  readonly datagrams: Iterable<CapturedDatagram>;
  /** What was passed over, filled in as `datagrams` is iterated. */
  readonly notices: CaptureNotice[];
  /** Errors about parts of the input (truncated, corrupt), filled in as `datagrams` is iterated. */
  readonly errors: AuditError[];
}

/**
 * Read a whole capture: detect the format (unless given) and iterate its datagrams. `bytes` are
 * read in place (leave them unchanged while iterating); the datagrams own copies of their bytes.
 *
 * @example
 * const { format, datagrams } = readCapture(fs.readFileSync('status.netlink.pcap'));
 * for (const d of datagrams) console.log(format, d.index, d.timestampNs, d.bytes.length);
 */
export function readCapture(bytes: Uint8Array, opts: CaptureReadOptions = {}): CaptureRead {
  const format = opts.format ?? detectFormat(bytes);
  const notices: CaptureNotice[] = [];
  const errors: AuditError[] = [];
  function* datagrams(): Generator<CapturedDatagram> {
    for (const item of readCaptureItems(bytes, { ...opts, format })) {
      if (item.kind === 'notice') notices.push(item.notice);
      else if (item.kind === 'error') errors.push(item.error);
      else {
        let d: CapturedDatagram | undefined;
        try {
          d = datagramOfItem(item, opts);
        } catch (e) {
          if (!isAuditError(e)) throw e;
          errors.push(e);
          continue;
        }
        if (d !== undefined) yield d;
      }
    }
  }
  return { format, datagrams: { [Symbol.iterator]: datagrams }, notices, errors };
}
