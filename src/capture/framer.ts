import type { CaptureContainer, CaptureItem } from './types.js';

/**
 * What one container format contributes to the stream reader: look at the unread bytes and
 * either say how many bytes the next piece takes (with the item it yields, if any) or ask for more.
 * A framer keeps its own small state (a pcap's byte order, a pcapng section's interfaces) but never
 * holds on to `view`, which the stream reader reuses.
 */
export interface Framer {
  /**
   * `view` starts at absolute input offset `base`. Return `undefined` when the next piece is not
   * complete yet; when `ended` is true no more bytes will come.
   */
  step(view: Uint8Array, base: number, ended: boolean): FrameStep | undefined;
  /** The container's own header once read (pcap global header, pcapng sections); text formats have none. */
  container?(): CaptureContainer | undefined;
}

export interface FrameStep {
  /** Bytes of `view` this piece used (at least 1, so the reader always moves on). */
  readonly consumed: number;
  readonly item?: CaptureItem;
}

/** Largest packet, block or line accepted unless the caller says otherwise. */
export const DEFAULT_MAX_PACKET_BYTES = 16 * 1024 * 1024;
