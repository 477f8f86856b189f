/**
 * Fan-out of the first prompt of a period to 1,000 owners (one action each) with the
 * per-tenant limit at 30 a second (see fanout-run.ts). Two runs: every owner with the app
 * installed, and every owner needing it installed first through Graph (user look-up, install,
 * installation list, chat), with the test channel's Graph enforcing the Teams service limits
 * (30 GET and 30 POST a second on installedApps, 429 with Retry-After beyond). Run alone with
 * `npm run bench fanout`; `npm run bench fanout-scale` runs the larger and scaled-out cases.
 */
import { runFanout, type FanoutRunFigures } from './fanout-run.js';

export interface FanoutBenchFigures {
  readonly name: 'fanout';
  readonly installed: FanoutRunFigures;
  readonly installFirst: FanoutRunFigures;
}

export async function run(): Promise<FanoutBenchFigures> {
  const installed = await runFanout({ owners: 1_000, alreadyInstalled: true, rate: 30 });
  const installFirst = await runFanout({ owners: 1_000, alreadyInstalled: false, rate: 30 });
  return { name: 'fanout', installed, installFirst };
}
