import type { CaptureContainer, CaptureFormat } from '../../capture/types.js';
import type { ContainerJson } from '../json/schema.js';

/**
 * The `container` key of the first JSON line, from the reader's `container` (the library reads
 * the header: `CaptureStreamReader.container`): for pcap the file header's byte order, resolution,
 * snap length and link type; for pcapng the first section's byte order. `encode` uses them to write
 * the same file header again.
 *
 * @example containerJson('pcap', input.container) // → { format: 'pcap', byte_order: 'le', nanosecond: false, snaplen: 262144, link_type: 253 }
 */
export function containerJson(format: CaptureFormat, c: CaptureContainer | undefined): ContainerJson {
  if (c?.format === 'pcap') {
    return { format: 'pcap', byte_order: c.littleEndian ? 'le' : 'be', nanosecond: c.nanosecond, snaplen: c.snapLen, link_type: c.linkTypeField };
  }
  const first = c?.format === 'pcapng' ? c.sections[0] : undefined;
  if (first !== undefined) return { format: 'pcapng', byte_order: first.littleEndian ? 'le' : 'be' };
  return { format };
}
