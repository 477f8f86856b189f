import type { Clock } from './clock.js';

/**
 * `load`, with each key's answer kept for `ms`: a burst of cards for one programme reads it
 * once. A load that fails is forgotten, so the next call asks again.
 */
export function keptFor<T>(
  ms: number,
  clock: Clock,
  load: (key: string) => Promise<T>,
): (key: string) => Promise<T> {
  const kept = new Map<string, { readonly at: number; readonly value: Promise<T> }>();
  return (key) => {
    const now = clock.now().getTime();
    const hit = kept.get(key);
    if (hit && now - hit.at < ms) return hit.value;
    const value = load(key);
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    kept.set(key, { at: now, value });
    return value;
  };
}
