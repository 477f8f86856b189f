import type { Actor } from '../../app/admin/actor.js';
import type { AdminFailureCode } from '../../app/admin/admin-result.js';
import { renderRefusalCard } from '../../cards/refusal.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { noProgrammeCard } from '../replies.js';
import type { Sender } from '../sender.js';
import type { Turn } from '../turn.js';
import { notAMemberCard, whichProgrammeCard } from '../which-programme.js';

/** The person behind a message, as the admin use cases know them. */
export function actorOf(sender: Sender): Actor {
  return { kind: 'person', email: sender.email, aadObjectId: sender.aadObjectId };
}

/**
 * The programme an admin command is about: a `wsoa:` prefix on the first word, else on
 * `argument` (`/link board send:`), else the chat's link and so on; when there is none, or
 * several could be meant, the card to answer with instead.
 */
export async function programmeOf(
  turn: Turn,
  argument: string,
): Promise<
  | { readonly ok: true; readonly programmeId: string; readonly argument: string }
  | { readonly ok: false; readonly card: RenderedCard }
> {
  const first = await turn.programme();
  if (first.ok && first.via === 'prefix') {
    return { ok: true, programmeId: first.programme.id, argument };
  }
  const answer = await turn.programme(argument);
  if (answer.ok) return { ok: true, programmeId: answer.programme.id, argument: answer.argument };
  if (answer.code === 'PROGRAMME_NOT_FOUND') return { ok: false, card: noProgrammeCard() };
  if (answer.code === 'NOT_A_MEMBER') return { ok: false, card: notAMemberCard(answer.programme) };
  return { ok: false, card: whichProgrammeCard(turn, answer.choices) };
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
      'Type /roles to see the role codes of this programme. To add a role the plan does not have, give its title after the email: /assign CHAIR someone@council.example Chair of the board.',
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
      'Type /link board in the channel the board uses, or paste that channel’s link here after /link board: in Teams, choose ⋯ (More options) beside the channel’s name, then Get link to channel.',
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
