import type { CaptureFormat } from '../../capture/types.js';
import type { ContainerJson } from '../json/schema.js';

/** pcap magics as read big-endian from the first 4 bytes. */
const PCAP_US_BE = 0xa1b2c3d4;
const PCAP_NS_BE = 0xa1b23c4d;
const PCAP_US_LE = 0xd4c3b2a1;
const PCAP_NS_LE = 0x4d3cb2a1;

/**
 * The container parameters of an input, from its first bytes: for pcap the file header's byte
 * order, resolution, snap length and link type; for pcapng the first section's byte order.
 * `encode` uses them to write the same file header again.
 *
 * @example containerOf('pcap', head) // → { format: 'pcap', byte_order: 'le', nanosecond: false, snaplen: 262144, link_type: 253 }
 */
export function containerOf(format: CaptureFormat, head: Uint8Array): ContainerJson {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (format === 'pcap' && head.length >= 24) {
    const magic = v.getUint32(0, false);
    const le = magic === PCAP_US_LE || magic === PCAP_NS_LE;
    if (le || magic === PCAP_US_BE || magic === PCAP_NS_BE) {
      return {
        format,
        byte_order: le ? 'le' : 'be',
        nanosecond: magic === PCAP_NS_LE || magic === PCAP_NS_BE,
        snaplen: v.getUint32(16, le),
        link_type: v.getUint32(20, le),
      };
    }
  }
  if (format === 'pcapng' && head.length >= 12) {
    const bom = v.getUint32(8, true);
    if (bom === 0x1a2b3c4d) return { format, byte_order: 'le' };
    if (bom === 0x4d3c2b1a) return { format, byte_order: 'be' };
  }
  return { format };
}

/**
 * A byte source that keeps a copy of its first `n` bytes in `head` as they pass.
 *
 * @example const t = teeHead(stream, 24); for await (const c of t.source) ...; t.head()
 */
export function teeHead(source: AsyncIterable<Uint8Array | string>, n: number): { source: AsyncIterable<Uint8Array | string>; head(): Uint8Array } {
  let head = new Uint8Array(0);
  const enc = new TextEncoder();
  async function* gen(): AsyncGenerator<Uint8Array | string> {
    for await (const chunk of source) {
      if (head.length < n) {
        const bytes = typeof chunk === 'string' ? enc.encode(chunk) : chunk;
        const take = bytes.subarray(0, n - head.length);
        const next = new Uint8Array(head.length + take.length);
        next.set(head);
        next.set(take, head.length);
        head = next;
      }
      yield chunk;
    }
  }
  return { source: gen(), head: () => head };
}
