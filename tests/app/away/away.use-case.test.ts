import { describe, expect, it } from 'vitest';
import { markAway, markBack, readAwayDate } from '../../../src/app/away/away.use-case.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';

describe('away and back', () => {
  it('reads the date people type after /away', () => {
    const today = '2021-01-04';
    expect(readAwayDate(['until', '20', 'Jan'], today)).toBe('2021-01-20');
    expect(readAwayDate(['20th', 'January'], today)).toBe('2021-01-20');
    expect(readAwayDate(['until', '3', 'Jan'], today)).toBe('2022-01-03');
    expect(readAwayDate(['until', '2021-02-01'], today)).toBe('2021-02-01');
    expect(readAwayDate(['until', '01/02/2021'], today)).toBe('2021-02-01');
    expect(readAwayDate(['until', '31', 'Feb'], today)).toBeNull();
    expect(readAwayDate(['next', 'week'], today)).toBeNull();
  });

  it('marks someone away and says who covers each of their roles', async () => {
    const store = createMemoryStore();
    await store.roles.save({
      programmeId: 'p',
      code: 'ADES',
      title: 'AD',
      person: 'ann@x.gov.uk',
      deputy: 'dep@x.gov.uk',
    });
    await store.roles.save({
      programmeId: 'p',
      code: 'SEN',
      title: 'SEN',
      person: 'ann@x.gov.uk',
      deputy: null,
    });
    const outcome = await markAway(store, 'Ann@x.gov.uk', ['until', '20', 'Jan'], '2021-01-04');
    expect(outcome).toEqual({
      ok: true,
      until: '2021-01-20',
      cover: expect.arrayContaining([
        { role: 'ADES', deputy: 'dep@x.gov.uk' },
        { role: 'SEN', deputy: null },
      ]) as unknown,
    });
    expect((await store.people.get('ann@x.gov.uk'))?.awayUntil).toBe('2021-01-20');
  });

  it('refuses a date that has passed or cannot be read, and changes nothing', async () => {
    const store = createMemoryStore();
    expect(
      await markAway(store, 'ann@x.gov.uk', ['until', '2020-12-01'], '2021-01-04'),
    ).toMatchObject({
      ok: false,
      code: 'AWAY_DATE_PAST',
    });
    expect(await markAway(store, 'ann@x.gov.uk', ['soon'], '2021-01-04')).toMatchObject({
      ok: false,
      code: 'AWAY_DATE_UNREADABLE',
    });
    expect(await store.people.get('ann@x.gov.uk')).toBeNull();
  });

  it('/back ends the absence early', async () => {
    const store = createMemoryStore();
    await markAway(store, 'ann@x.gov.uk', ['until', '20', 'Jan'], '2021-01-04');
    expect(await markBack(store, 'ann@x.gov.uk')).toBe('2021-01-20');
    expect((await store.people.get('ann@x.gov.uk'))?.awayUntil).toBeNull();
    expect(await markBack(store, 'ann@x.gov.uk')).toBeNull();
  });
});
