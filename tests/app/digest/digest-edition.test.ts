import { describe, expect, it } from 'vitest';
import { createDigestUseCase } from '../../../src/app/digest/digest.use-case.js';
import { defaultGovernance } from '../../../src/domain/deciders.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { loadSamplePlan } from '../../support/sample-plan.js';

/** 1 March 2021: January's digest went out on 25 January; April's is due on 30 April. */
async function digestOn(now: string, chairRole: string | null = null) {
  const store = createMemoryStore();
  const plan = loadSamplePlan();
  await store.plans.replace({ ...plan, ratings: plan.updates });
  await store.governance.save({ ...defaultGovernance('wsoa'), chairRole });
  return createDigestUseCase({
    ...store,
    clock: { now: () => new Date(now) },
    publicBaseUrl: null,
  });
}

async function periodFor(
  digest: Awaited<ReturnType<typeof digestOn>>,
  email: string,
  edition: 'sent' | 'draft' | 'best' = 'best',
) {
  const result = await digest.read({
    programmeId: 'wsoa',
    edition,
    reader: { email, isAdmin: false },
  });
  return result.ok ? result.value.data.period.id : result.code;
}

describe('which digest a reader sees', () => {
  it("gives the chair's role holder and its deputy the draft once the programme names the role", async () => {
    const unnamed = await digestOn('2021-03-01T10:00:00Z');
    expect(await periodFor(unnamed, 'cd@council.example')).toBe('Jan 2021');
    expect(await periodFor(unnamed, 'cd@council.example', 'draft')).toBe('DRAFT_NOT_ALLOWED');
    const named = await digestOn('2021-03-01T10:00:00Z', 'CD');
    expect(await periodFor(named, 'CD@Council.example')).toBe('Apr 2021');
    expect(await periodFor(named, 'cd@council.example', 'sent')).toBe('Jan 2021');
  });

  it('gives a lead the draft and an owner who leads nothing the digest last posted', async () => {
    const digest = await digestOn('2021-03-01T10:00:00Z');
    expect(await periodFor(digest, 'ades@council.example')).toBe('Apr 2021');
    expect(await periodFor(digest, 'sles@council.example')).toBe('Jan 2021');
  });

  it('shows the latest period, said as such, before any digest has been posted', async () => {
    const digest = await digestOn('2019-10-01T10:00:00Z');
    const result = await digest.read({
      programmeId: 'wsoa',
      edition: 'sent',
      reader: { email: 'sles@council.example', isAdmin: false },
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.preface).toContain('No digest has been posted to the board yet');
  });
});
