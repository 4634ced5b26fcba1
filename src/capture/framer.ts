import type { CaptureContainer, CaptureItem } from './types.js';
import type { ReusedDatagramView } from './view.js';

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
  /**
   * The borrowed form of `step`, for framers of packet captures (pcap, pcapng): the unread bytes
   * are `bytes[at, end)`, and an audit datagram is not copied but described in `out`, and the
   * number of bytes consumed returned. Anything else comes back as from `step`. `step` is this
   * plus `out.toDatagram()`, so both give the same items.
   */
  stepView?(bytes: Uint8Array, at: number, end: number, base: number, ended: boolean, out: ReusedDatagramView): number | FrameStep | undefined;
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

/** `bytes[at, end)` as its own array, without a new object when that is all of `bytes`. */
export function unread(bytes: Uint8Array, at: number, end: number): Uint8Array {
  return at === 0 && end === bytes.length ? bytes : bytes.subarray(at, end);
}

/**
 * `step` for a framer that has `stepView`: the borrowed step into `scratch`, then the copy.
 * `scratch` lets go of `view` afterwards, as a framer must.
 */
export function copyingStep(framer: Required<Pick<Framer, 'stepView'>>, scratch: ReusedDatagramView, view: Uint8Array, base: number, ended: boolean): FrameStep | undefined {
  const step = framer.stepView(view, 0, view.length, base, ended, scratch);
  if (typeof step !== 'number') return step;
  const datagram = scratch.toDatagram();
  scratch.release();
  return { consumed: step, item: { kind: 'datagram', datagram } };
}
