/**
 * A minimal pcap writer for kernel-shaped audit datagrams, as `tcpdump -i nlmon0` stores them
 * (reference §1.9, §7.2, §7.4): little-endian pcap (µs), LINKTYPE_NETLINK (253), each packet =
 * 16-byte pseudo-header `00 00 03 38 00*10 00 09` + nlmsghdr (little-endian, multicast length
 * convention: nlmsg_len = 16 + text length, flags 0, seq 0, pid 0) + the record text with no NUL and
 * no padding. One record per datagram; syscall events end with an EOE record.
 */
import { emitRecords, type Shape } from './events.js';

export const LINKTYPE_NETLINK = 253;
export const PCAP_GLOBAL_HEADER_LEN = 24;
export const PCAP_RECORD_HEADER_LEN = 16;
export const NETLINK_PSEUDO_HEADER = Uint8Array.of(0x00, 0x00, 0x03, 0x38, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x09);

export interface PcapOptions {
  readonly seed: number;
  readonly shape: Shape;
  /** Stop at the first event boundary at or after this many bytes. */
  readonly sizeBytes: number;
}

export function pcapGlobalHeader(): Uint8Array {
  const b = new Uint8Array(PCAP_GLOBAL_HEADER_LEN);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0xa1b2c3d4, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, 262144, true);
  v.setUint32(20, LINKTYPE_NETLINK, true);
  return b;
}

/** One pcap packet record (header + pseudo-header + nlmsghdr + text) for an audit record. */
export function writePacket(out: Uint8Array, at: number, tsSec: number, tsUsec: number, type: number, text: string): number {
  const textLen = text.length; // the generator's text is ASCII (non-ASCII values are hex-encoded)
  const nlLen = 16 + textLen;
  const incl = 16 + nlLen;
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  v.setUint32(at, tsSec, true);
  v.setUint32(at + 4, tsUsec, true);
  v.setUint32(at + 8, incl, true);
  v.setUint32(at + 12, incl, true);
  out.set(NETLINK_PSEUDO_HEADER, at + 16);
  const h = at + 32;
  v.setUint32(h, nlLen, true);
  v.setUint16(h + 4, type, true);
  v.setUint16(h + 6, 0, true);
  v.setUint32(h + 8, 0, true);
  v.setUint32(h + 12, 0, true);
  for (let i = 0; i < textLen; i++) out[h + 16 + i] = text.charCodeAt(i);
  return at + PCAP_RECORD_HEADER_LEN + incl;
}

/** The pcap as chunks (about 1 MiB each); the concatenation is the file. */
export function* pcapChunks(opts: PcapOptions): Generator<Uint8Array> {
  const CHUNK = 1 << 20;
  yield pcapGlobalHeader();
  let total = PCAP_GLOBAL_HEADER_LEN;
  let buf = new Uint8Array(CHUNK + 65536);
  let at = 0;
  let seq = 0;
  for (const { event, record, index } of emitRecords({ seed: opts.seed, shape: opts.shape, withEoe: true })) {
    if (index === 0 && total + at >= opts.sizeBytes) break;
    const msec = event.msec < 10 ? `00${event.msec}` : event.msec < 100 ? `0${event.msec}` : `${event.msec}`;
    const text = `audit(${event.sec}.${msec}:${event.serial}): ${record.body}`;
    const need = 32 + 16 + text.length;
    if (at + need > buf.length) {
      total += at;
      yield buf.subarray(0, at);
      buf = new Uint8Array(Math.max(CHUNK + 65536, need));
      at = 0;
    }
    // Capture time: the event time plus a few µs per datagram (kauditd sends them one by one).
    at = writePacket(buf, at, event.sec, event.msec * 1000 + (seq++ % 997), record.type, text);
  }
  if (at > 0) yield buf.subarray(0, at);
}

export function pcapBytes(opts: PcapOptions): Uint8Array {
  const parts = [...pcapChunks(opts)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
