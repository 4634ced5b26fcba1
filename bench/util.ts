/** Small helpers shared by the harness. */

/** "16MB", "1GB", "512KB", "1000" (bytes) → bytes. Binary units. */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|K|MB|M|GB|G)?$/i.exec(s.trim());
  if (m === null) throw new Error(`bad size '${s}' (e.g. 16MB, 1GB)`);
  const unit = (m[2] ?? 'B').toUpperCase();
  const mult = unit.startsWith('G') ? 1 << 30 : unit.startsWith('M') ? 1 << 20 : unit.startsWith('K') ? 1 << 10 : 1;
  return Math.round(Number(m[1]) * mult);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** 1234567 → "1.23M", 12345 → "12.3k". */
export function si(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(a < 10 ? 2 : 0);
}
