import { describe, expect, it } from 'vitest';
import { ADMIN, OWNER, adminHarness } from './admin-harness.js';

const channel = { conversationKey: '19:board@thread.tacv2', conversationKind: 'channel' } as const;

describe('calendar use case', () => {
  it('shows every period with its closing date and board meeting, and which one is open now', async () => {
    const { calendar } = await adminHarness(new Date('2020-03-02T10:00:00Z'));
    const result = await calendar.show(ADMIN, 'wsoa');
    if (!result.ok) throw new Error(result.code);
    expect(result.value.periods).toHaveLength(8);
    expect(result.value.periods[0]).toEqual({
      id: 'Oct 2019',
      closes: '2019-10-25',
      boardMeeting: '2019-11-06',
    });
    expect(result.value.currentPeriodId).toBe('Apr 2020');
  });

  it('counts a period as open until midnight London time on its closing day, and none once the last has closed', async () => {
    const show = async (now: string) => {
      const result = await (await adminHarness(new Date(now))).calendar.show(ADMIN, 'wsoa');
      return result.ok ? result.value.currentPeriodId : result.code;
    };
    expect(await show('2020-04-24T22:30:00Z')).toBe('Apr 2020');
    expect(await show('2020-04-24T23:30:00Z')).toBe('Jul 2020');
    expect(await show('2022-01-01T10:00:00Z')).toBeNull();
  });
});

describe('links use case', () => {
  it('links a channel as the board channel, which then receives the programme’s digests', async () => {
    const { linking, links } = await adminHarness();
    const result = await linking.link(ADMIN, { ...channel, programmeId: 'WSOA', board: true });
    expect(result).toMatchObject({
      ok: true,
      value: { programmeId: 'wsoa', board: true, linkedBy: 'Admin@Council.example' },
    });
    expect((await links.listBoard('wsoa')).map((link) => link.conversationKey)).toEqual([
      channel.conversationKey,
    ]);
  });

  it('unlinking the board stops the digests but keeps the channel on its programme', async () => {
    const { linking, links } = await adminHarness();
    await linking.link(ADMIN, { ...channel, programmeId: 'wsoa', board: true });
    expect((await linking.unlink(ADMIN, channel.conversationKey, true)).ok).toBe(true);
    expect(await links.listBoard('wsoa')).toEqual([]);
    expect((await links.get(channel.conversationKey))?.programmeId).toBe('wsoa');
    expect((await linking.unlink(ADMIN, channel.conversationKey, false)).ok).toBe(true);
    expect(await links.get(channel.conversationKey)).toBeNull();
    expect(await linking.unlink(ADMIN, channel.conversationKey, false)).toEqual({
      ok: false,
      code: 'NOT_LINKED',
    });
  });

  it('refuses a personal chat, an unknown programme and someone who is not an admin', async () => {
    const { linking } = await adminHarness();
    const personal = {
      conversationKey: 'personal:abc',
      conversationKind: 'personal',
      programmeId: 'wsoa',
      board: true,
    } as const;
    expect(await linking.link(ADMIN, personal)).toEqual({ ok: false, code: 'PERSONAL_CHAT' });
    expect(await linking.link(ADMIN, { ...channel, programmeId: 'nope', board: true })).toEqual({
      ok: false,
      code: 'PROGRAMME_NOT_FOUND',
    });
    expect(await linking.link(OWNER, { ...channel, programmeId: 'wsoa', board: true })).toEqual({
      ok: false,
      code: 'NOT_ADMIN',
    });
  });
});
