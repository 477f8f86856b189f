/**
 * Keeps this instance's Graph calls within the Teams service limits, so a fan-out of installs
 * is paced rather than throttled: 30 requests a second per app per tenant for GET on
 * installedApps and 30 for POST (https://learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits).
 * Only the instance holding the scheduler's lease installs, so one instance's pace is the app's.
 */
export interface GraphPacer {
  /** Resolves when a request of this method to this path may go. */
  wait(method: string, path: string): Promise<void>;
}

export interface GraphPacerOptions {
  /** Requests a second per kind (default 30). */
  readonly perSecond?: number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The limit a request counts against; null for calls outside the Teams limits table. */
function kindOf(method: string, path: string): string | null {
  if (!path.includes('/installedApps')) return null;
  return method === 'GET' ? 'GET installedApps' : 'POST installedApps';
}

export function createGraphPacer(options: GraphPacerOptions): GraphPacer {
  const perSecond = options.perSecond ?? 30;
  // When each of the last `perSecond` requests of a kind went (or is booked to go).
  const booked = new Map<string, number[]>();
  return {
    async wait(method, path) {
      const kind = kindOf(method, path);
      if (kind === null) return;
      const times = booked.get(kind) ?? [];
      booked.set(kind, times);
      const now = options.now();
      // A full window: go one second after the oldest of the last `perSecond`.
      const oldest = times.length >= perSecond ? (times[times.length - perSecond] ?? now) : null;
      const at = oldest === null ? now : Math.max(now, oldest + 1000);
      times.push(at);
      if (times.length > perSecond * 2) times.splice(0, times.length - perSecond);
      if (at > now) await options.sleep(at - now);
    },
  };
}
