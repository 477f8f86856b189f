import type { Action } from '../../../src/domain/action.js';
import { DEFAULT_RULES, type Programme } from '../../../src/domain/programme.js';
import { planPeriod } from '../../../src/domain/prompt-schedule.js';
import type { Store } from '../../../src/store/store.js';

export const fanoutProgramme: Programme = {
  id: 'fanout',
  name: 'Fan-out programme',
  timeZone: 'Europe/London',
  periods: [
    { id: 'Jan 2021', closes: '2021-01-15', boardMeeting: null },
    { id: 'Apr 2021', closes: '2021-04-23', boardMeeting: null },
    { id: 'Jul 2021', closes: '2021-07-23', boardMeeting: null },
  ],
  rules: DEFAULT_RULES,
};

export const ownerEmail = (i: number): string => `owner${i}@fanout.example`;
export const conversationIdOf = (i: number): string => `a:owner-${i}`;

function sampleAction(i: number): Action {
  return {
    programmeId: fanoutProgramme.id,
    workstream: 'A',
    ref: `A${i}`,
    title: `Action ${i} of the fan-out programme`,
    ownerRole: `R${i}`,
    contributors: [],
    due: 'Ongoing',
    revisedDue: null,
    proposedDue: null,
    outcomes: '',
    steps: [
      { letter: 'a', title: 'First step', ownerRole: null, due: '2021-03-31', revisedDue: null },
    ],
    current: null,
  };
}

/** When the first prompt of a period goes out, by the domain's schedule. */
export function firstPromptOf(periodId: string): Date {
  const plan = planPeriod({
    programme: fanoutProgramme,
    workstreams: [],
    actions: [sampleAction(1)],
    roles: [
      {
        programmeId: fanoutProgramme.id,
        code: 'R1',
        title: '',
        person: ownerEmail(1),
        deputy: null,
      },
    ],
    people: [],
    updates: [],
    periodId,
  });
  const prompt = plan.messages.find((m) => m.kind === 'prompt');
  if (!prompt) throw new Error(`No prompt is scheduled for ${periodId}.`);
  return prompt.sendAt;
}

/**
 * A programme of `owners` actions, each with its own owner who has installed the app (a
 * personal chat reference pointing at `serviceUrl`), so the first prompt is one per owner.
 */
export async function seedFanout(
  store: Store,
  options: {
    readonly owners: number;
    readonly serviceUrl: string;
    readonly appId: string;
    readonly tenantId: string;
    /**
     * False: nobody has opened the app, so no chat is stored and each owner must be installed
     * for through Graph before their prompt. Default true.
     */
    readonly installed?: boolean;
  },
): Promise<void> {
  const indexes = Array.from({ length: options.owners }, (_, i) => i + 1);
  const actions: Action[] = indexes.map(sampleAction);
  await store.plans.replace({
    programme: fanoutProgramme,
    workstreams: [
      { programmeId: fanoutProgramme.id, code: 'A', name: 'All', leadRole: 'LEAD', aim: '' },
    ],
    actions,
    roles: indexes.map((i) => ({
      programmeId: fanoutProgramme.id,
      code: `R${i}`,
      title: `Role ${i}`,
      person: ownerEmail(i),
      deputy: null,
    })),
    ratings: [],
  });
  if (options.installed === false) return;
  for (let start = 0; start < indexes.length; start += 25) {
    await Promise.all(
      indexes.slice(start, start + 25).map((i) =>
        store.conversations.save({
          key: `personal:aad-${i}`,
          kind: 'personal',
          tenantId: options.tenantId,
          aadObjectId: `aad-${i}`,
          email: ownerEmail(i),
          reference: {
            channelId: 'msteams',
            serviceUrl: options.serviceUrl,
            conversation: {
              id: conversationIdOf(i),
              conversationType: 'personal',
              tenantId: options.tenantId,
            },
            bot: { id: `28:${options.appId}`, name: 'Action Tracker' },
            user: { id: `29:owner-${i}`, aadObjectId: `aad-${i}` },
          },
          updatedAt: '2020-12-01T00:00:00.000Z',
        }),
      ),
    );
  }
}
