import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/admin/actor.js';
import type { AdminFailureCode } from '../../app/admin/admin-result.js';
import { createProgrammeResolution } from '../../app/admin/programme-resolution.use-case.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { commandTextOf, parseCommand } from '../message-text.js';
import { noProgrammeCard } from '../replies.js';
import { programmeChoiceCard } from '../programme-choice-card.js';
import { splitProgrammePrefix } from '../resolve-programme.js';
import type { AdminDirectory } from '../../app/admin/admin-directory.js';
import { normaliseEmail } from '../../domain/people.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';

/** The person behind a message, as the admin use cases know them. */
export function actorOf(sender: Sender): Actor {
  return { kind: 'person', email: sender.email, aadObjectId: sender.aadObjectId };
}

/** The bot's admin directory: the stored one when there is one, else the configured list. */
export function directoryOf(
  deps: Pick<BotDependencies, 'admins' | 'adminDirectory'>,
): AdminDirectory {
  const configured = deps.admins.map(normaliseEmail);
  return {
    configured,
    isAdmin: async (actor) => {
      if (deps.adminDirectory) return deps.adminDirectory.isAdmin(actor);
      return (
        actor.kind === 'terminal' ||
        (actor.email !== null && configured.includes(normaliseEmail(actor.email)))
      );
    },
  };
}

/** The conversation as the store keys it (see conversation-recorder.ts). */
export function conversationOf(turn: TurnContext): {
  readonly key: string;
  readonly kind: 'personal' | 'groupChat' | 'channel';
} {
  const { conversation, from } = turn.activity;
  const type = conversation.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  // A channel reply arrives on "<channel id>;messageid=<thread>": the channel is the key.
  const id = conversation.id.split(';')[0] ?? conversation.id;
  const key = kind === 'personal' && from.aadObjectId ? `personal:${from.aadObjectId}` : id;
  return { key, kind };
}

/**
 * The programme an admin command is about, by the resolution every command shares; on
 * failure, the card to answer with instead.
 */
export async function programmeOf(
  turn: TurnContext,
  sender: Sender,
  deps: BotDependencies,
  argument: string,
): Promise<
  | { readonly ok: true; readonly programmeId: string; readonly argument: string }
  | { readonly ok: false; readonly card: RenderedCard }
> {
  const conversation = conversationOf(turn);
  // The router takes a `wsoa:` prefix off the first word; it still names the programme.
  const first = parseCommand(commandTextOf(turn.activity)).args[0];
  const named = splitProgrammePrefix(first, await deps.programmes.list());
  if (named) return { ok: true, programmeId: named.programme.id, argument };
  const resolution = createProgrammeResolution({
    programmes: deps.programmes,
    roles: deps.roles,
    links: deps.links ?? { get: () => Promise.resolve(null) },
  });
  const result = await resolution.resolve({
    conversationKey: conversation.key,
    conversationKind: conversation.kind,
    email: sender.email,
    argument,
  });
  if (result.ok) return { ok: true, programmeId: result.programmeId, argument: result.argument };
  if (result.code === 'PROGRAMME_NOT_FOUND') return { ok: false, card: noProgrammeCard() };
  return { ok: false, card: programmeChoiceCard(turn, result.choices) };
}

/** Words for the admin use cases' codes, for Teams. */
export function adminFailureCard(code: AdminFailureCode): RenderedCard {
  const words: Readonly<Record<AdminFailureCode, [string, string]>> = {
    NOT_ADMIN: [
      'Only programme admins can do that',
      'Ask an admin; /admins lists them for admins.',
    ],
    PROGRAMME_NOT_FOUND: [
      'I cannot find that programme',
      'Check its id; an admin can import its plan.',
    ],
    ROLE_NOT_FOUND: [
      'I cannot find that role',
      'Type /roles to see the role codes of this programme.',
    ],
    INVALID_EMAIL: [
      'That is not an email address',
      'Give the person’s work email, such as name@council.example.',
    ],
    INVALID_ADMIN_ID: [
      'That is not an email address or an Entra object id',
      'Give their work email, such as name@council.example.',
    ],
    CONFIGURED_ADMIN: [
      'That admin comes from the ADMINS setting',
      'Only a change to the setting can remove them.',
    ],
    NOT_LINKED: [
      'This conversation is not linked',
      'Type /link board in the board’s channel to link it.',
    ],
    PERSONAL_CHAT: [
      'A personal chat cannot be a board channel',
      'Type /link board in the channel the board uses.',
    ],
  };
  const [title, line] = words[code];
  return renderRefusalCard({ title, lines: [line] });
}

/** A polite no for someone who is not an admin: what it was, and who can help. */
export function adminOnlyRefusal(command: string): RenderedCard {
  return renderRefusalCard({
    title:
      command === 'import'
        ? 'Only programme admins can import a plan'
        : `Only programme admins can use /${command}`,
    lines: [
      'Ask one of the programme’s admins if you need this done. Type /help to see what you can do.',
    ],
  });
}
