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

/** Owner `i`'s email; `programmeId` tells apart the owners of a second programme. */
export const ownerEmail = (i: number, programmeId = fanoutProgramme.id): string =>
  `owner${i}@${programmeId}.example`;
export const conversationIdOf = (i: number, programmeId = fanoutProgramme.id): string =>
  programmeId === fanoutProgramme.id ? `a:owner-${i}` : `a:${programmeId}-owner-${i}`;
const aadOf = (i: number, programmeId: string): string =>
  programmeId === fanoutProgramme.id ? `aad-${i}` : `aad-${programmeId}-${i}`;

function sampleAction(i: number, programmeId = fanoutProgramme.id): Action {
  return {
    programmeId,
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
    /** A programme of its own (the fan-out programme's calendar), for several in one store. */
    readonly programmeId?: string;
  },
): Promise<void> {
  const programmeId = options.programmeId ?? fanoutProgramme.id;
  const indexes = Array.from({ length: options.owners }, (_, i) => i + 1);
  const actions: Action[] = indexes.map((i) => sampleAction(i, programmeId));
  await store.plans.replace({
    programme: { ...fanoutProgramme, id: programmeId },
    workstreams: [{ programmeId, code: 'A', name: 'All', leadRole: 'LEAD', aim: '' }],
    actions,
    roles: indexes.map((i) => ({
      programmeId,
      code: `R${i}`,
      title: `Role ${i}`,
      person: ownerEmail(i, programmeId),
      deputy: null,
    })),
    ratings: [],
  });
  if (options.installed === false) return;
  for (let start = 0; start < indexes.length; start += 25) {
    await Promise.all(
      indexes.slice(start, start + 25).map((i) =>
        store.conversations.save({
          key: `personal:${aadOf(i, programmeId)}`,
          kind: 'personal',
          tenantId: options.tenantId,
          aadObjectId: aadOf(i, programmeId),
          email: ownerEmail(i, programmeId),
          reference: {
            channelId: 'msteams',
            serviceUrl: options.serviceUrl,
            conversation: {
              id: conversationIdOf(i, programmeId),
              conversationType: 'personal',
              tenantId: options.tenantId,
            },
            bot: { id: `28:${options.appId}`, name: 'Action Tracker' },
            user: {
              id: `29:${conversationIdOf(i, programmeId).slice('a:'.length)}`,
              aadObjectId: aadOf(i, programmeId),
            },
          },
          updatedAt: '2020-12-01T00:00:00.000Z',
        }),
      ),
    );
  }
}
