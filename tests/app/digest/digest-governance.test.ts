import { built, textsOf } from './digest-texts.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../../src/app/digest/digest.use-case.js';
import type { DigestOptions } from '../../../src/app/digest/digest.use-case.js';
import { DIGEST_CARD_BUDGET_BYTES } from '../../../src/cards/digest/digest-card.js';
import type { Store } from '../../../src/store/store.js';
import { loadSamplePlan } from '../../support/sample-plan.js';
import { governedSample, request, revise } from './governed-sample.js';

function optionsFor(store: Store, publicBaseUrl: string | null = null): DigestOptions {
  return { ...store, clock: { now: () => new Date('2021-01-25T09:00:00Z') }, publicBaseUrl };
}

describe('the digest’s governance sections, on the sample plan', () => {
  let store: Store;
  beforeEach(async () => {
    store = await governedSample(true);
  });

  it('lists dates revised since the last board, old → new and who decided, and none before it', async () => {
    const texts = textsOf(
      built(await createDigestUseCase(optionsFor(store)).build({ programmeId: 'wsoa' })),
    );
    expect(texts).toContain('Dates revised since the last board (1)');
    expect(texts).toContain(
      'B1: 31 Dec 2020 → 31 Mar 2021, decided by Corporate Director on 1 Dec 2020',
    );
    expect(texts.some((t) => t.startsWith('B1: 30 Sept 2020'))).toBe(false);
  });

  it('lists the requests waiting for a decision, with who asked', async () => {
    const texts = textsOf(
      built(await createDigestUseCase(optionsFor(store)).build({ programmeId: 'wsoa' })),
    );
    expect(texts).toContain('Waiting for a decision (1)');
    expect(texts).toContain(
      'B4: 31 Aug 2020 → 30 Jun 2021, asked by owner@council.example on 20 Jan 2021',
    );
  });

  it('says how many steps are done and which are late', async () => {
    const texts = textsOf(
      built(
        await createDigestUseCase(optionsFor(store)).build({
          programmeId: 'wsoa',
          workstream: 'A',
        }),
      ),
    );
    const heading = texts.find((t) => t.startsWith('Steps done and late'));
    expect(heading).toMatch(/^Steps done and late \(\d+ actions; \d+ with late steps\)$/);
    expect(texts).toContain('A2: 3 of 9 steps done; late: h), i)');
    expect(texts[texts.indexOf(heading ?? '') + 1]).toMatch(/steps done; late: /);
  });

  it('says per workstream whether it is signed off, with its open queries', async () => {
    const texts = textsOf(
      built(await createDigestUseCase(optionsFor(store)).build({ programmeId: 'wsoa' })),
    );
    expect(texts).toContain('Signed off by workstream leads (1 of 3)');
    expect(texts).toContain(
      'A: signed off by Assistant Director Education and Skills on 18 Jan 2021; 1 open query',
    );
    expect(texts).toContain('A3 queried: Is March still realistic?');
    expect(texts).toContain('B: not signed off yet');
  });

  it('leaves sign-off out when the programme does not use it', async () => {
    const plain = await governedSample(false);
    const texts = textsOf(
      built(await createDigestUseCase(optionsFor(plain)).build({ programmeId: 'wsoa' })),
    );
    expect(texts.some((t) => t.startsWith('Signed off by workstream leads'))).toBe(false);
    expect(texts).toContain('Dates revised since the last board (1)');
  });

  it('keeps a digest with hundreds of revisions and requests within the message budget', async () => {
    for (let i = 0; i < 300; i += 1) {
      const at = `2020-12-${String((i % 28) + 1).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z`;
      await revise(store, request(`bulk${i}`, 'B2', 'B', '2020-10-31', '2021-03-31', at), at);
    }
    for (const action of loadSamplePlan().actions) {
      await store.revisions.ask(
        request(
          `wait-${action.ref}`,
          action.ref,
          action.workstream,
          '2020-10-31',
          '2021-06-30',
          '2021-01-21T10:00:00Z',
        ),
      );
    }
    const digest = built(
      await createDigestUseCase(optionsFor(store, 'https://tracker.example.org')).build({
        programmeId: 'wsoa',
      }),
    );
    expect(digest.sizeWithoutImages).toBeLessThanOrEqual(DIGEST_CARD_BUDGET_BYTES);
    expect(digest.summarised).toBe(true);
    const texts = textsOf(digest);
    expect(texts.find((t) => t.startsWith('Dates revised since the last board'))).toBe(
      'Dates revised since the last board (301)',
    );
    expect(texts.some((t) => /^And \d+ more in the full report\.$/.test(t))).toBe(true);
  });
});
