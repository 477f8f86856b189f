import { built, textsOf } from './digest-texts.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../../src/app/digest/digest.use-case.js';
import type { DigestOptions } from '../../../src/app/digest/digest.use-case.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { pngFromDataUri, readPngHeader } from './png-header.js';
import { sampleWithTargets } from './sample-with-targets.js';

describe('the digest’s Measures section, on the sample plan', () => {
  let store: Store;
  const options = (publicBaseUrl: string | null): DigestOptions => ({
    ...store,
    clock: { now: () => new Date('2021-01-25T09:00:00Z') },
    publicBaseUrl,
  });
  beforeEach(async () => {
    store = createMemoryStore();
    await sampleWithTargets(store);
  });

  it('lists each measure’s latest value against target, with its direction and comparators', async () => {
    const digest = built(await createDigestUseCase(options(null)).build({ programmeId: 'wsoa' }));
    const texts = textsOf(digest, ['text', 'altText']);
    expect(texts).toContain('Measures (4; 1 off track)');
    expect(texts).toEqual(expect.arrayContaining(['EHC20 ', '75.9% in Jan 2021  ', 'Off track']));
    expect(texts).toContain(
      'Improving since Oct 2020 (72%) · Target 90% by 23 Jul 2021 · Baseline 70% (25 Oct 2019)',
    );
    expect(texts).toContain(
      'Comparators: England 60% (2020); statistical neighbours and East of England 65% (2020)',
    );
    expect(texts).toEqual(expect.arrayContaining(['NEET1618 ', '3% in Jan 2021  ', 'On track']));
  });

  it('draws the measures with values, and states their figures in the picture’s text', async () => {
    const digest = built(await createDigestUseCase(options(null)).build({ programmeId: 'wsoa' }));
    expect(digest.measureChart?.codes).toEqual(['EHC20', 'NEET1618']);
    const chart = JSON.stringify(digest.card.content);
    // Pictures with words: the two charts, not the swatches beside ratings.
    const uri = /"url":"(data:image\/png;base64,[^"]+)","altText":"[^"]/g;
    const images = [...chart.matchAll(uri)].map((m) => m[1] ?? '');
    expect(images).toHaveLength(2);
    expect(readPngHeader(pngFromDataUri(images[1] ?? ''))).toMatchObject({ width: 360 });
    expect(
      textsOf(digest, ['text', 'altText']).some((t) =>
        t.includes(
          'EHC20 (New EHC plans finalised within 20 weeks): Oct 2020 72%, Jan 2021 75.9%.',
        ),
      ),
    ).toBe(true);
  });

  it('warns of a measure off track while every action it belongs to is Green', async () => {
    // A1 is Green in Jan 2021; EHC20's line runs from 70% (Oct 2019) to 90% (Jul 2021), so
    // by 15 Jan 2021 it stands at 84.1%. NEET1618 belongs to A2, which is Amber: no warning.
    const digest = built(await createDigestUseCase(options(null)).build({ programmeId: 'wsoa' }));
    const warnings = textsOf(digest, ['text', 'altText']).filter((t) =>
      t.startsWith('False green, measure'),
    );
    expect(warnings).toEqual([
      'False green, measure EHC20 is off track (75.9% against 84.1% on the line to its target) while A1 is Green.',
    ]);
  });

  it('keeps the card within Teams’ limit with the charts linked, leaving the measures in words', async () => {
    const digest = built(
      await createDigestUseCase(options('https://tracker.example.org')).build({
        programmeId: 'wsoa',
      }),
    );
    expect(digest.size).toBeLessThan(28 * 1024);
    expect(textsOf(digest, ['text', 'altText'])).toContain('Measures (4; 1 off track)');
  });
});
