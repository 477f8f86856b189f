import type { Store } from '../../src/store/store.js';
import {
  startTestChannel,
  testUser,
  type RecordedCall,
  type TestScope,
  type TestUser,
} from '../../tests/support/test-channel/test-channel.js';
import { cardToText, type CardButton, type CardInput } from './card-text.js';
import { createLineQueue, type LineQueue } from './line-queue.js';
import { sampleFolder, seedSamplePlan, SAMPLE_PROGRAMME_ID } from './seed-sample.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const colour = process.stdout.isTTY;
const say = (line = ''): void => void process.stdout.write(`${line}\n`);

/** The card whose buttons a number presses: the latest one that had any. */
let lastCard: { buttons: readonly CardButton[]; inputs: readonly CardInput[] } | null = null;

function printCard(card: unknown, heading: string): void {
  const rendered = cardToText(card, { colour });
  say(`┌─ ${heading}`);
  for (const line of rendered.lines) say(`│ ${line}`);
  say('└─');
  if (rendered.buttons.length > 0) lastCard = rendered;
}

function printActivity(call: RecordedCall): void {
  const activity = call.body as {
    type?: string;
    text?: string;
    attachments?: { contentType?: string; content?: unknown }[];
  } | null;
  if (activity?.type !== 'message') return;
  const who = call.kind === 'update' ? 'bot (changed its card)' : 'bot';
  if (activity.text) say(`${who} › ${activity.text}`);
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType === CARD) printCard(attachment.content, who);
    else say(`${who} › [attachment: ${attachment.contentType ?? 'unknown'}]`);
  }
}

function printInvokeAnswer(status: number, body: unknown): void {
  const answer = body as { statusCode?: number; type?: string; value?: unknown } | null;
  if (answer?.type === CARD) return printCard(answer.value, 'bot (card replaced)');
  if (answer?.type === 'application/vnd.microsoft.activity.message') {
    return say(`bot › ${String(answer.value)}`);
  }
  say(`bot › (answered ${answer?.statusCode ?? status}: ${JSON.stringify(answer?.value ?? body)})`);
}

async function askInputs(
  lines: LineQueue,
  inputs: readonly CardInput[],
): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const input of inputs) {
    const choices =
      input.choices.length > 0
        ? ` [${input.choices.map((c) => c.title.split(':')[0] ?? c.title).join(' / ')}]`
        : '';
    const current = input.value ? ` (Enter keeps "${input.value}")` : '';
    const line = await lines.next(`  ${input.label}${choices}${current}: `);
    const typed = (line ?? '').trim();
    const choice = input.choices.find(
      (c) =>
        c.title.toLowerCase() === typed.toLowerCase() ||
        c.value.toLowerCase() === typed.toLowerCase(),
    );
    const value = choice?.value ?? (typed === '' ? (input.value ?? '') : typed);
    if (value !== '') values[input.id] = value;
  }
  return values;
}

/** The person whose roles own most actions: the one with the most to try. */
async function busiestOwner(store: Store): Promise<string | null> {
  const [roles, actions] = await Promise.all([
    store.roles.list(SAMPLE_PROGRAMME_ID),
    store.actions.listByProgramme(SAMPLE_PROGRAMME_ID),
  ]);
  const owned = (person: string): number =>
    actions.filter(({ value }) =>
      roles.some((role) => role.person === person && role.code === value.ownerRole),
    ).length;
  const people = [...new Set(roles.flatMap((role) => (role.person === null ? [] : [role.person])))];
  people.sort((a, b) => owned(b) - owned(a));
  return people[0] ?? null;
}

/** Commands that work on the loaded plan: its first workstream, and an action you own. */
async function suggestedCommands(store: Store, roles: readonly string[]): Promise<string> {
  const actions = (await store.actions.listByProgramme(SAMPLE_PROGRAMME_ID)).map((a) => a.value);
  const first = actions[0];
  const mine = actions.find((action) => roles.includes(action.ownerRole)) ?? first;
  return [
    '/help',
    '/status',
    ...(first ? [`/status ${first.workstream}`, `/status ${first.ref}`] : []),
    '/mine',
    '/overdue',
    ...(mine ? [`/update ${mine.ref}`] : []),
  ].join(', ');
}

export interface ChatSessionOptions {
  /** The running bot: its URL and its store (to load the sample plan into). */
  readonly app: { readonly server: { readonly url: string }; readonly store: Store };
  /** Who you are; default the first role holder in the sample plan. */
  readonly email?: string;
  readonly scope?: TestScope;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The terminal conversation: loads the sample plan, then reads lines until input ends. */
export async function runChatSession(options: ChatSessionOptions): Promise<void> {
  const { app } = options;
  const channel = await startTestChannel({ acceptUnauthenticated: true, tenantId: 'chat-tenant' });
  const lines = createLineQueue();
  try {
    if (await seedSamplePlan(app.store, sampleFolder(options.env))) say('Loaded the sample plan.');
    const roles = await app.store.roles.list(SAMPLE_PROGRAMME_ID);
    const email = options.email ?? (await busiestOwner(app.store)) ?? 'newcomer@council.example';
    const held = roles.filter((role) => role.person === email).map((role) => role.code);
    let me: TestUser = testUser(email.split('@')[0] ?? email, email);
    let scope = options.scope ?? 'personal';
    channel.onCall(printActivity);

    say(
      `You are ${email}${held.length > 0 ? ` (${held.join(', ')})` : ''}, in a ${scope} chat with the bot.`,
    );
    say(`Try ${await suggestedCommands(app.store, held)}.`);
    say('Type a number to press that button on the last card; :as <email> to be someone else;');
    say(':scope personal|groupChat|channel to move; Ctrl+D or :quit to leave.');
    say();

    for (;;) {
      const line = await lines.next('you › ');
      if (line === null || line.trim() === ':quit') break;
      const text = line.trim();
      if (text === '') continue;
      if (text.startsWith(':as ')) {
        const other = text.slice(4).trim();
        me = testUser(other.split('@')[0] ?? other, other);
        say(`You are now ${other}.`);
        continue;
      }
      if (text.startsWith(':scope ')) {
        scope = text.slice(7).trim() as TestScope;
        say(`Now in a ${scope} conversation.`);
        continue;
      }
      const number = /^\d+$/.test(text) ? Number(text) : null;
      const button = number !== null ? lastCard?.buttons[number - 1] : undefined;
      if (number !== null && button === undefined) {
        say(`There is no button ${number} on the last card.`);
        continue;
      }
      if (button === undefined) {
        const response = await channel.send(app.server.url, channel.message(text, me, scope), {
          token: 'none',
        });
        if (response.status >= 400) say(`(the bot answered HTTP ${response.status})`);
        continue;
      }
      if (button.type === 'Action.OpenUrl') {
        say(`Open ${button.url ?? '(no address)'} in a browser.`);
        continue;
      }
      const imBack = (button.data?.['msteams'] as { type?: string; value?: string } | undefined)
        ?.value;
      if (button.type === 'Action.Submit' && imBack !== undefined) {
        // Teams sends an imBack button's value as a message the person typed.
        say(`you › ${imBack}`);
        await channel.send(app.server.url, channel.message(imBack, me, scope), { token: 'none' });
        continue;
      }
      const data = { ...button.data, ...(await askInputs(lines, lastCard?.inputs ?? [])) };
      if (button.type === 'Action.Execute') {
        const activity = channel.cardAction(button.verb ?? '', data, me, scope);
        const response = await channel.send(app.server.url, activity, { token: 'none' });
        printInvokeAnswer(response.status, response.body);
      } else {
        const activity = { ...channel.message('', me, scope), text: '', value: data };
        await channel.send(app.server.url, activity, { token: 'none' });
      }
    }
  } finally {
    lines.close();
    await channel.stop();
  }
}
