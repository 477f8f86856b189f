import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';

const load = createRequire(import.meta.url);
let loaded: typeof ResvgModule | undefined;

/**
 * The chart renderer, loaded the first time a chart is drawn rather than at start-up: it is
 * a native module of several megabytes that most instances need only for a digest, while
 * drawing stays synchronous for its callers. (It is CommonJS, so a require loads it.)
 */
export function resvg(): typeof ResvgModule {
  loaded ??= load('@resvg/resvg-js') as typeof ResvgModule;
  return loaded;
}
