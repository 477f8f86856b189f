import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/app/import/parse-plan.js';
import { readFixture } from './import/plan-workbooks.js';
import { ADMIN, adminHarness } from './admin/admin-harness.js';

/** The sample as "wsoa" plus the small plan as "send", whose QA role is held by slbi@. */
async function twoProgrammes() {
  const harness = await adminHarness();
  const small = parsePlan(await readFixture('small'), { id: 'send', name: 'SEND Strategy' });
  if (!small.ok) throw new Error('The small plan should be valid.');
  await harness.store.plans.replace({
    ...small.plan,
    roles: small.plan.roles.map((role) =>
      role.code === 'QA' ? { ...role, person: 'slbi@council.example' } : role,
    ),
  });
  return harness;
}

const personal = (email: string, argument: string) =>
  ({
    conversationKey: `personal:${email}`,
    conversationKind: 'personal',
    email,
    isAdmin: false,
    argument,
  }) as const;

describe('programme resolution', () => {
  it('uses the only programme there is, wherever the command is typed', async () => {
    const { resolution } = await adminHarness();
    expect(await resolution.resolve(personal('ades@council.example', 'EHC'))).toEqual({
      ok: true,
      programmeId: 'wsoa',
      argument: 'EHC',
      via: 'only-programme',
    });
  });

  it('takes the programme from a prefix such as wsoa:EHC', async () => {
    const { resolution } = await twoProgrammes();
    expect(await resolution.resolve(personal('slbi@council.example', 'WSOA:EHC'))).toMatchObject({
      ok: true,
      programmeId: 'wsoa',
      argument: 'EHC',
      via: 'prefix',
    });
  });

  it('uses the programme a channel is linked to', async () => {
    const { resolution, linking } = await twoProgrammes();
    const channel = {
      conversationKey: '19:send@thread.tacv2',
      conversationKind: 'channel',
    } as const;
    await linking.link(ADMIN, { ...channel, programmeId: 'send', board: false });
    const anyone = { ...channel, email: null, isAdmin: false, argument: 'A1' };
    expect(await resolution.resolve(anyone)).toMatchObject({
      ok: true,
      programmeId: 'send',
      via: 'link',
    });
  });

  it('in personal chat, uses the one programme where the person holds a role', async () => {
    const { resolution } = await twoProgrammes();
    expect(await resolution.resolve(personal('ades@council.example', ''))).toMatchObject({
      ok: true,
      programmeId: 'wsoa',
      via: 'roles',
    });
  });

  it('asks which programme when the person holds roles in several', async () => {
    const { resolution } = await twoProgrammes();
    expect(await resolution.resolve(personal('slbi@council.example', 'A1'))).toEqual({
      ok: false,
      code: 'PROGRAMME_CHOICE_NEEDED',
      choices: [
        { id: 'send', name: 'SEND Strategy' },
        { id: 'wsoa', name: 'Thurrock WSoA' },
      ],
      argument: 'A1',
    });
  });

  it('asks an admin which programme in an unlinked channel when there are several', async () => {
    const { resolution } = await twoProgrammes();
    const result = await resolution.resolve({
      conversationKey: '19:x@thread.v2',
      conversationKind: 'channel',
      email: 'admin@council.example',
      isAdmin: true,
      argument: '',
    });
    expect(result.ok ? result.programmeId : result.code).toBe('PROGRAMME_CHOICE_NEEDED');
  });

  it('remembers what each chat chose, as a guess for next time, but not a question it asked', async () => {
    const { resolution } = await twoProgrammes();
    const slbi = personal('slbi@council.example', 'A1');
    expect(resolution.lastChosen(slbi.conversationKey)).toBeNull();
    await resolution.resolve(slbi);
    expect(resolution.lastChosen(slbi.conversationKey)).toBeNull();
    await resolution.resolve({ ...slbi, argument: 'send:A1' });
    expect(resolution.lastChosen(slbi.conversationKey)).toBe('send');
    await resolution.resolve(personal('ades@council.example', ''));
    expect(resolution.lastChosen('personal:ades@council.example')).toBe('wsoa');
    expect(resolution.lastChosen(slbi.conversationKey)).toBe('send');
  });

  describe('the read rule: members, admins and linked chats only', () => {
    it('refuses someone with no role, even when there is only one programme', async () => {
      const { resolution } = await adminHarness();
      expect(await resolution.resolve(personal('nobody@council.example', 'EHC'))).toEqual({
        ok: false,
        code: 'NOT_A_MEMBER',
        programme: { id: 'wsoa', name: 'Thurrock WSoA' },
      });
    });

    it('refuses a prefix naming a programme the person holds no role in', async () => {
      const { resolution } = await twoProgrammes();
      expect(await resolution.resolve(personal('ades@council.example', 'send:A1'))).toEqual({
        ok: false,
        code: 'NOT_A_MEMBER',
        programme: { id: 'send', name: 'SEND Strategy' },
      });
    });

    it('offers only the programmes the person is in, and names none to a stranger', async () => {
      const { resolution } = await twoProgrammes();
      const channel = { conversationKey: '19:x@thread.v2', conversationKind: 'channel' } as const;
      expect(
        await resolution.resolve({
          ...channel,
          email: 'ades@council.example',
          isAdmin: false,
          argument: '',
        }),
      ).toMatchObject({ ok: true, programmeId: 'wsoa' });
      expect(
        await resolution.resolve({
          ...channel,
          email: 'nobody@council.example',
          isAdmin: false,
          argument: '',
        }),
      ).toEqual({ ok: false, code: 'NOT_A_MEMBER', programme: null });
      expect(
        await resolution.resolve({ ...channel, email: null, isAdmin: false, argument: '' }),
      ).toEqual({ ok: false, code: 'NOT_A_MEMBER', programme: null });
    });

    it('lets an admin read any programme by its prefix', async () => {
      const { resolution } = await twoProgrammes();
      const admin = { ...personal('admin@council.example', 'send:A1'), isAdmin: true };
      expect(await resolution.resolve(admin)).toMatchObject({ ok: true, programmeId: 'send' });
    });
  });
});
