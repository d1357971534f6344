/** Timing and memory helpers: medians and p95 from repeated samples; peak RSS of this process. */
import { performance } from 'node:perf_hooks';

export function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}

/** Peak resident memory of this process so far, in MB (each operation runs in its own process). */
export function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Collects garbage before a sample when the process allows it (the runner starts operations with
 * --expose-gc): each sample then starts from what is really in use, not from the last one's garbage.
 */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
