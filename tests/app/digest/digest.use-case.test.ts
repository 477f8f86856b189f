import { built, textsOf } from './digest-texts.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../../src/app/digest/digest.use-case.js';
import type { DigestOptions } from '../../../src/app/digest/digest.use-case.js';
import { DIGEST_CARD_BUDGET_BYTES } from '../../../src/cards/digest/digest-card.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { loadSamplePlan } from '../../support/sample-plan.js';
import { generateProgramme } from './generated-programme.js';
import { pngFromDataUri, readPngHeader } from './png-header.js';

const BASE_URL = 'https://tracker.example.org';

function optionsFor(store: Store, now: string, publicBaseUrl: string | null = BASE_URL) {
  const options: DigestOptions = { ...store, clock: { now: () => new Date(now) }, publicBaseUrl };
  return options;
}

async function sampleStore(): Promise<Store> {
  const store = createMemoryStore();
  const plan = loadSamplePlan();
  await store.plans.replace({ ...plan, ratings: plan.updates });
  return store;
}

describe('digest use case, on the sample plan', () => {
  let store: Store;
  beforeEach(async () => {
    store = await sampleStore();
  });

  it('counts January 2021 as Blue 2, Green 3, Amber 7, Red 0', async () => {
    const digest = built(
      await createDigestUseCase(optionsFor(store, '2021-01-25T09:00:00Z')).build({
        programmeId: 'wsoa',
      }),
    );
    expect(digest.data.period.id).toBe('Jan 2021');
    expect(digest.data.counts).toMatchObject({ Blue: 2, Green: 3, Amber: 7, Red: 0 });
    const texts = textsOf(digest);
    for (const [rating, count] of [
      ['Blue', '2'],
      ['Green', '3'],
      ['Amber', '7'],
      ['Red', '0'],
    ]) {
      const at = texts.indexOf(rating as string);
      expect(at).toBeGreaterThan(-1);
      expect(texts[at + 1]).toBe(count);
    }
  });

  it('shows A5 as improved from Red', async () => {
    const digest = built(
      await createDigestUseCase(optionsFor(store, '2021-01-25T09:00:00Z')).build({
        programmeId: 'wsoa',
        periodId: 'Jan 2021',
      }),
    );
    expect(textsOf(digest).some((t) => t.startsWith('A5 improved from Red to Green'))).toBe(true);
  });

  it('without a public address, embeds the chart as a PNG of the stated size and fits with it aside', async () => {
    const digest = built(
      await createDigestUseCase(optionsFor(store, '2021-01-25T09:00:00Z', null)).build({
        programmeId: 'wsoa',
      }),
    );
    expect(digest.sizeWithoutImages).toBeLessThan(DIGEST_CARD_BUDGET_BYTES);
    expect(digest.summarised).toBe(false);
    // The chart is the image with words; the swatches beside ratings have none.
    const image = JSON.stringify(digest.card.content).match(
      /"url":"(data:image\/png;base64,[^"]+)","altText":"[^"]/,
    );
    const png = pngFromDataUri(image?.[1] ?? '');
    const { width, height } = readPngHeader(png);
    expect(digest.chart.altText).toContain(`Chart, ${width} by ${height} pixels.`);
    expect(JSON.stringify(digest.card.content)).toContain(`Chart, ${width} by ${height} pixels.`);
  });

  it('lists owners’ notes newest first and links to the full report', async () => {
    const c2 = await store.actions.get('wsoa', 'C2');
    if (!c2) throw new Error('The sample has no C2.');
    await store.actions.recordUpdate(
      {
        id: 'card|c2|late',
        programmeId: 'wsoa',
        ref: 'C2',
        periodId: 'Jan 2021',
        rating: 'Red',
        note: 'Backlog has grown again; recovery plan goes to the board.',
        evidence: null,
        proposedDue: null,
        rolledOver: false,
        by: 'slsesend@council.example',
        at: '2021-01-20T10:42:00.000Z',
        source: 'card',
      },
      c2.etag,
    );
    const digest = built(
      await createDigestUseCase(optionsFor(store, '2021-02-01T09:00:00Z')).build({
        programmeId: 'wsoa',
      }),
    );
    const texts = textsOf(digest);
    const heading = texts.indexOf("Owners' notes, newest first (12)");
    expect(heading).toBeGreaterThan(-1);
    expect(texts.slice(heading + 1, heading + 3)).toEqual([
      // Someone who never talked to the bot: their job title from the Roles sheet.
      'C2, Red, 20 Jan 2021, by Strategic Lead School Effectiveness and SEND',
      'Backlog has grown again; recovery plan goes to the board.',
    ]);
    expect(texts[heading + 3]).toBe('A1, Green, 15 Jan 2021, from the imported plan');
    expect(JSON.stringify(digest.card.content)).toContain(
      `"url":"${BASE_URL}/report/wsoa?period=Jan%202021"`,
    );
  });

  it('narrows to one workstream with /digest EHC-style codes in any case', async () => {
    const digest = built(
      await createDigestUseCase(optionsFor(store, '2021-01-25T09:00:00Z')).build({
        programmeId: 'wsoa',
        workstream: 'b',
      }),
    );
    expect(digest.data.counts).toMatchObject({ Blue: 0, Green: 0, Amber: 5, Red: 0 });
    expect(textsOf(digest)).toContain('Workstream B: Quality assurance and governance');
    expect(digest.chart.altText).not.toContain('A Records');
    expect(digest.reportUrl).toBe(`${BASE_URL}/report/wsoa?period=Jan%202021#workstream-B`);
  });

  it('says which workstreams exist when the code is unknown', async () => {
    const result = await createDigestUseCase(optionsFor(store, '2021-01-25T09:00:00Z')).build({
      programmeId: 'wsoa',
      workstream: 'EHC',
    });
    expect(result).toEqual({
      ok: false,
      code: 'WORKSTREAM_NOT_FOUND',
      workstream: 'EHC',
      known: ['A', 'B', 'C'],
    });
  });

  it('answers PROGRAMME_NOT_FOUND for a programme that does not exist', async () => {
    const result = await createDigestUseCase(optionsFor(store, '2021-01-25T09:00:00Z')).build({
      programmeId: 'nope',
    });
    expect(result).toMatchObject({ ok: false, code: 'PROGRAMME_NOT_FOUND' });
  });
});

describe('digest use case, on a generated programme of 500 actions', () => {
  it('summarises to fit under 28 KB, chart address and all, and links to the full report', async () => {
    const store = createMemoryStore();
    await store.plans.replace(generateProgramme({ actions: 500 }));
    const digest = built(
      await createDigestUseCase(optionsFor(store, '2021-08-02T09:00:00Z')).build({
        programmeId: 'big',
      }),
    );
    expect(digest.data.counts).toBeDefined();
    const whole = JSON.stringify(digest.card.content);
    // No chart embedded: the only pictures carried in the card are the ratings' swatches.
    expect(whole).not.toMatch(/"url":"data:image[^"]*","altText":"[^"]/);
    expect(Buffer.byteLength(whole, 'utf8')).toBeLessThan(DIGEST_CARD_BUDGET_BYTES);
    expect(digest.size).toBe(Buffer.byteLength(whole, 'utf8'));
    expect(digest.summarised).toBe(true);
    const texts = textsOf(digest);
    expect(texts.some((t) => /^And \d+ more in the full report\.$/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('the full report has every item'))).toBe(true);
    const content = JSON.stringify(digest.card.content);
    expect(content).toContain('"title":"Open the full report"');
    expect(content).toContain(`"url":"${BASE_URL}/report/big?period=Jul%202021"`);
    // Linked, the chart is only laid out: Teams fetches the pixels from the chart route.
    expect(digest.chart.png).toBeNull();
    expect(digest.chart.altText).toContain(
      `Chart, ${digest.chart.width} by ${digest.chart.height} pixels.`,
    );
  });
});

describe('digest use case warnings', () => {
  it('warns of false greens, rolled-over ratings and people who could not be reached', async () => {
    const store = await sampleStore();
    const a5 = await store.actions.get('wsoa', 'A5');
    if (!a5) throw new Error('The sample has no A5.');
    await store.actions.recordUpdate(
      {
        id: 'card|a5|apr',
        programmeId: 'wsoa',
        ref: 'A5',
        periodId: 'Apr 2021',
        rating: 'Green',
        note: 'Actions a) to g) completed; SEN data merge complete, portal is a new project in its own right.',
        evidence: null,
        proposedDue: null,
        rolledOver: false,
        by: 'slbi@council.example',
        at: '2021-04-20T09:00:00.000Z',
        source: 'card',
      },
      a5.etag,
    );
    await store.people.save({
      email: 'ades@council.example',
      name: 'Alex Ades',
      aadObjectId: null,
      awayUntil: null,
      unreachable: { reason: 'blocked', since: '2021-04-01T09:00:00.000Z' },
    });
    const digest = built(
      await createDigestUseCase(optionsFor(store, '2021-05-03T09:00:00Z')).build({
        programmeId: 'wsoa',
      }),
    );
    const texts = textsOf(digest);
    expect(digest.data.period.id).toBe('Apr 2021');
    expect(texts).toContain('Rolled over, A5: Green again with no new note since the last period.');
    expect(texts.some((t) => t.startsWith('False green, A5: Rated Green but its due date'))).toBe(
      true,
    );
    expect(texts.some((t) => t.startsWith('Could not be reached: Could not reach Alex Ades'))).toBe(
      true,
    );
    // Not reported, by the name Teams gave and the Roles sheet's job title, not a code.
    expect(
      texts.some((t) => t.startsWith('Alex Ades, Assistant Director Education and Skills: ')),
    ).toBe(true);
  });
});
