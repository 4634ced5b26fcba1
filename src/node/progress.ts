/**
 * Progress on standard error for long reads: only when stderr is a terminal, so piped or
 * redirected output never carries it; redrawn at most every `intervalMs`.
 */
export interface ProgressSink {
  readonly isTTY?: boolean;
  write(s: string): unknown;
}

export interface Progress {
  update(bytes: number, messages: number): void;
  done(): void;
}

/**
 * @example
 * const p = progressReporter(process.stderr, await inputSize(file));
 * p.update(bytesRead, messages); ... p.done();
 */
export function progressReporter(sink: ProgressSink, total: number | undefined, intervalMs = 250, now: () => number = Date.now): Progress {
  if (sink.isTTY !== true) return { update() {}, done() {} };
  const started = now();
  let last = 0;
  let shown = false;
  const line = (bytes: number, messages: number): string => {
    const secs = Math.max((now() - started) / 1000, 0.001);
    const of = total === undefined ? '' : ` of ${mb(total)} (${Math.floor((bytes / Math.max(total, 1)) * 100)}%)`;
    return `\r${mb(bytes)}${of}, ${messages} messages, ${mb(bytes / secs)}/s`;
  };
  return {
    update(bytes, messages) {
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      shown = true;
      sink.write(line(bytes, messages));
    },
    done() {
      if (shown) sink.write('\r\x1b[K');
    },
  };
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
