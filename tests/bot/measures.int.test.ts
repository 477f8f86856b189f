import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWithTargets } from '../app/digest/sample-with-targets.js';
import {
  cardOf,
  people,
  replyTo,
  seatTheChair,
  startBotHarness,
  textOf,
  type BotHarness,
} from './bot-harness.js';

/**
 * Measures over real HTTP through the test channel, on the sample plan with targets added
 * (EHC20 from 70% to 90% by July 2021, reported by ADES; NEET1618 from 6% down to 4%,
 * reported by P16SM) and the clock on 1 March 2021, while Apr 2021 is open.
 */
describe('measures over HTTP', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
    await sampleWithTargets(harness.store);
    // Replacing the plan replaces its roles: the chair is seated again.
    await seatTheChair(harness.store);
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function say(text: string, from = people.owner) {
    const call = await replyTo(harness, harness.channel.message(text, from, 'personal'));
    return textOf(cardOf(call));
  }

  it('records /measure from the reporting role, with the direction since the last value', async () => {
    const text = await say('/measure NEET1618 2.5 autumn tracking');
    expect(text).toContain('Recorded NEET1618 2.5% in Apr 2021');
    expect(text).toContain('On track');
    expect(text).toContain('Improving since Jan 2021 (3%)');
    expect(text).toContain('Note: autumn tracking');
    const history = await harness.store.measures.historyOf('wsoa', 'NEET1618');
    expect(history[0]).toMatchObject({
      periodId: 'Apr 2021',
      value: 2.5,
      by: people.owner.email,
      note: 'autumn tracking',
    });
  });

  it('refuses a percentage out of range, saying what to write, and records nothing', async () => {
    const before = await harness.store.measures.historyOf('wsoa', 'NEET1618');
    const text = await say('/measure NEET1618 250');
    expect(text).toContain('NEET1618 was not recorded');
    expect(text).toContain('250 is not a percentage between 0 and 100');
    expect(await harness.store.measures.historyOf('wsoa', 'NEET1618')).toHaveLength(before.length);
  });

  it('refuses someone who does not report the measure, naming who does', async () => {
    const text = await say('/measure NEET1618 2', people.stranger);
    expect(text).toContain('You do not report NEET1618');
    expect(text).toContain(
      'NEET1618 is reported by P16SM (sles@council.example), or their deputy.',
    );
  });

  it('takes a value from the reporting role’s deputy, and /status shows it against target', async () => {
    const recorded = await say('/measure ehc20 80', people.deputy);
    expect(recorded).toContain('Recorded EHC20 80% in Apr 2021');
    expect(recorded).toContain('Off track');
    const status = await say('/status A1', people.chair);
    expect(status).toContain('Measures');
    expect(status).toContain('80% in Apr 2021');
    expect(status).toContain(
      'Improving since Jan 2021 (75.9%) · Target 90% by 23 Jul 2021 · Baseline 70% (25 Oct 2019)',
    );
    expect(status).toContain('Off track');
    expect(status).toContain(
      'Comparators: England 60% (2020); statistical neighbours and East of England 65% (2020)',
    );
  });

  it('shows a workstream’s measures in /status of the workstream', async () => {
    const status = await say('/status A', people.chair);
    for (const code of ['EHC20', 'NEET1618', 'SINTERN', 'APPREN']) expect(status).toContain(code);
    expect(status).toContain('2.5% in Apr 2021');
  });

  it('suggests a close code for a measure that does not exist', async () => {
    const text = await say('/measure EHC2 70', people.deputy);
    expect(text).toContain('I cannot find a measure called "EHC2"');
    expect(text).toContain('EHC20');
  });

  it('lists each measure in the digest’s Measures section with its direction of travel', async () => {
    // The digest is of Jan 2021, the latest period closed: the Apr 2021 values are not in it.
    const text = await say('/digest', people.chair);
    expect(text).toContain('Measures (4; 1 off track)');
    expect(text).toContain('75.9% in Jan 2021');
    expect(text).toContain('Improving since Oct 2020 (72%)');
    expect(text).not.toContain('80% in Apr 2021');
    expect(text).toContain(
      'False green, measure EHC20 is off track (75.9% against 84.1% on the line to its target) while A1 is Green.',
    );
  });
});
