/**
 * How sending scales (issue #16), each case a fan-out run of fanout-run.ts at Teams' 30 a
 * second per tenant, every owner with the app:
 * - 1,000 and 5,000 prompts: the heap's peak should grow no more than 1.5 times, as the
 *   outbox is read a page at a time;
 * - 1,000 prompts with Teams answering each send after 300 ms: at least 90% of the rate, as
 *   concurrency follows the latency;
 * - two instances sending two programmes (two tenants) from one store: at least 1.8 times
 *   one instance with one programme, none lost and none twice.
 * Run alone with `npm run bench fanout-scale` (about six minutes).
 */
import { loadavg } from 'node:os';
import { runFanout, type FanoutRunFigures } from './fanout-run.js';

export interface FanoutScaleFigures {
  readonly name: 'fanout-scale';
  readonly oneThousand: FanoutRunFigures;
  readonly fiveThousand: FanoutRunFigures;
  /** 5,000's heap peak over 1,000's: at most 1.5. */
  readonly heapPeakRatio: number;
  /** The same for the heap held after a full collection (what the scheduler keeps alive). */
  readonly liveHeapPeakRatio: number;
  readonly slowTeams: FanoutRunFigures;
  /** The rate reached at 300 ms over the configured rate: at least 0.9. */
  readonly slowTeamsShareOfRate: number;
  readonly twoInstancesTwoProgrammes: FanoutRunFigures;
  /** Two instances' total rate over one instance's with one programme: at least 1.8. */
  readonly scaleOutRatio: number;
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
}

const RATE = 30;

/** Each case as it ends, so a long run shows where it is. */
async function measured(
  label: string,
  options: Parameters<typeof runFanout>[0],
): Promise<FanoutRunFigures> {
  const figures = await runFanout(options);
  console.log(`${label}: ${JSON.stringify(figures)}`);
  return figures;
}
const round = (value: number, places = 2): number => Number(value.toFixed(places));

export async function run(): Promise<FanoutScaleFigures> {
  const atStart = round(loadavg()[0] ?? NaN);
  const oneThousand = await measured('1,000', {
    owners: 1_000,
    alreadyInstalled: true,
    rate: RATE,
  });
  const fiveThousand = await measured('5,000', {
    owners: 5_000,
    alreadyInstalled: true,
    rate: RATE,
  });
  const slowTeams = await measured('300 ms Teams', {
    owners: 1_000,
    alreadyInstalled: true,
    rate: RATE,
    connectorLatencyMs: 300,
  });
  const twoInstancesTwoProgrammes = await measured('two instances, two programmes', {
    owners: 1_000,
    alreadyInstalled: true,
    rate: RATE,
    programmes: 2,
    instances: 2,
  });
  return {
    name: 'fanout-scale',
    oneThousand,
    fiveThousand,
    heapPeakRatio: round(fiveThousand.peakHeapUsedMb / oneThousand.peakHeapUsedMb),
    liveHeapPeakRatio: round(fiveThousand.peakLiveHeapMb / oneThousand.peakLiveHeapMb),
    slowTeams,
    slowTeamsShareOfRate: round(slowTeams.achievedRatePerSecond / RATE),
    twoInstancesTwoProgrammes,
    scaleOutRatio: round(
      twoInstancesTwoProgrammes.achievedRatePerSecond / oneThousand.achievedRatePerSecond,
    ),
    loadAverage: { atStart, atEnd: round(loadavg()[0] ?? NaN) },
  };
}
