import type { Request, Response } from 'restify';
import type { Logger } from '../app/logger.js';

/** A storage check that hangs is a storage that is down, as far as a load balancer cares. */
const STORAGE_CHECK_TIMEOUT_MS = 3000;

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly storage: { readonly healthy: boolean };
  readonly version: string;
  readonly uptimeSeconds: number;
}

async function checkWithin(check: () => Promise<boolean>, logger: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), STORAGE_CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error: unknown) {
    logger.warn('The storage health check failed', {
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /healthz`: 200 when storage answers, 503 when it does not. */
export function createHealthHandler(options: {
  readonly storageHealthy: () => Promise<boolean>;
  readonly version: string;
  readonly startedAt: number;
  readonly logger: Logger;
}): (req: Request, res: Response) => Promise<void> {
  return async (_req, res) => {
    const healthy = await checkWithin(options.storageHealthy, options.logger);
    const report: HealthReport = {
      status: healthy ? 'ok' : 'unavailable',
      storage: { healthy },
      version: options.version,
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
    };
    res.header('Cache-Control', 'no-store');
    res.send(healthy ? 200 : 503, report);
  };
}
