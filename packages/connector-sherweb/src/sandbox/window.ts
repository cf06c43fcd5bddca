import { performance } from 'node:perf_hooks';

/** A per-key sliding window of request times: `admit` returns undefined, or ms until a slot frees. */
export function createWindow(windowMs: number) {
  const stamps = new Map<string, number[]>();
  return {
    admit(key: string, limit: number): number | undefined {
      const at = performance.now();
      const list = (stamps.get(key) ?? []).filter((t) => t > at - windowMs);
      stamps.set(key, list);
      if (list.length >= limit) return (list[0] as number) + windowMs - at;
      list.push(at);
      return undefined;
    },
    clear: () => stamps.clear(),
  };
}
