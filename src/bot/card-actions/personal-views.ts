import type { RoleAssignment } from '../../store/role.repository.js';
import { z } from 'zod';
import { todayFor } from '../../app/reporting-day.js';
import { dueText, shorten } from '../../cards/action-line.js';
import { renderMessageCard } from '../../cards/message.card.js';
import { mineLines, renderMineCard } from '../../cards/mine.card.js';
import { withRefresh } from '../../cards/refresh.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { renderUpdateFormCard } from '../../cards/update-form.card.js';
import { effectiveDue, type Action } from '../../domain/action.js';
import type { Role } from '../../domain/people.js';
import type { Programme } from '../../domain/programme.js';
import type { BotDependencies } from '../bot-dependencies.js';
import { isListReply, type ListReply } from '../list-reply.js';
import { reportUrlOf } from '../replies.js';
import type { Sender } from '../sender.js';
import type { Turn } from '../turn.js';
import { refusalCardFor } from './update-replies.js';

/**
 * Cards whose content depends on who is looking: an update form (Save for those who may
 * save) and `/mine` (each person's own actions). In a group chat or channel they carry a
 * Universal Actions refresh, so each person's Teams asks for their own view.
 */
const viewSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('update'), ref: z.string().trim().min(1).max(40) }),
  z.object({ view: z.literal('mine') }),
]);
export type PersonalView = z.infer<typeof viewSchema>;

type Deps = Pick<BotDependencies, 'update' | 'steps' | 'mine' | 'clock' | 'reportUrlFor'>;

const wholeOf = (reply: ListReply | RenderedCard): RenderedCard =>
  isListReply(reply) ? reply.render(reply.total) : reply;

/** An update form for one person: whether they got the form, and the card. */
export interface FormFor {
  readonly isForm: boolean;
  readonly card: RenderedCard;
}

/**
 * The form for someone who may save. For anyone else, `refusal` says why not (a command
 * typed by them); `read-only` shows the action without Save (their view of a shared form).
 */
export async function updateFormFor(
  deps: Deps,
  programme: Programme,
  ref: string,
  sender: Sender,
  otherwise: 'read-only' | 'refusal',
): Promise<FormFor> {
  const form = await deps.update.openForm(programme, ref, sender, todayFor(programme, deps.clock));
  if (form.ok) {
    const card = renderUpdateFormCard({
      action: form.action.value,
      etag: form.action.etag,
      ...(form.action.aim === undefined ? {} : { aim: form.action.aim }),
      period: form.period,
      steps: await deps.steps.progressOf(programme, form.action.value),
    });
    return { isForm: true, card };
  }
  if (form.code !== 'NOT_OWNER' || otherwise === 'refusal') {
    return { isForm: false, card: refusalCardFor(form) };
  }
  return { isForm: false, card: readOnlyAction(form.action, form.ownerRole) };
}

function readOnlyAction(action: Action, ownerRole: Role | null): RenderedCard {
  const rating = action.current
    ? `${action.current.rating}, rated ${action.current.periodId}`
    : 'Not yet rated';
  return renderMessageCard({
    title: `${action.ref}: ${shorten(action.title, 120)}`,
    lines: [
      `${rating} · ${dueText(effectiveDue(action))}`,
      `Only ${ownerRole ? `${ownerRole.code} (${ownerRole.title})` : action.ownerRole}, their deputy or a programme admin can update it. Type /status ${action.ref} for its steps and notes.`,
    ],
  });
}

/** `/mine` for this person: what they still need to answer, then the rest, cut to fit. */
export async function mineReplyFor(
  deps: Deps,
  programme: Programme,
  sender: Sender,
  /** The person's roles as the read rule read them this turn; absent, they are read here. */
  senderRoles?: () => Promise<readonly RoleAssignment[]>,
): Promise<ListReply | RenderedCard> {
  if (sender.email === null) {
    return renderMessageCard({
      title: 'I do not know who you are yet',
      lines: [
        'Teams did not tell me your email address, so I cannot match you to a role.',
        'Try again in a minute; if it keeps happening, ask your programme admin.',
      ],
    });
  }
  const today = todayFor(programme, deps.clock);
  const mine = senderRoles
    ? await deps.mine.listForRoles(programme, await senderRoles(), today)
    : await deps.mine.list(programme, sender.email, today);
  const roles = mine.roles.map((r) => (r.as === 'deputy' ? `${r.code} (deputy)` : r.code));
  const view = {
    mine,
    subtitle:
      roles.length > 0
        ? `${programme.name} · your roles: ${roles.join(', ')}`
        : `${programme.name} · ${sender.email} holds no role`,
    empty:
      roles.length > 0
        ? 'Your roles own no actions.'
        : 'You hold no role in this programme. If you should, ask your programme admin to assign you one.',
  };
  const total = mineLines(mine);
  const more = {
    where: 'the Dashboard tab lists them all (filter by owner), and so does the full report',
    url: reportUrlOf(deps, programme, today),
  };
  return {
    kind: 'list',
    total,
    render: (shown) => renderMineCard(shown >= total ? view : { ...view, shown, more }),
  };
}

/**
 * The card as sent into the turn's conversation: in a group chat or channel it asks Teams
 * to refresh it for each person, starting with the one who asked.
 */
export function sharedAs(
  turn: Turn,
  programme: Programme,
  view: PersonalView,
  card: RenderedCard,
): RenderedCard {
  if (turn.conversation.kind === 'personal') return card;
  const asker = turn.context.activity.from.id;
  return withRefresh(card, { ...view, programmeId: programme.id }, [asker]);
}

/** {@link sharedAs} for a list reply: every cut of it carries the refresh. */
export function sharedListAs(
  turn: Turn,
  programme: Programme,
  view: PersonalView,
  reply: ListReply | RenderedCard,
): ListReply | RenderedCard {
  if (!isListReply(reply)) return sharedAs(turn, programme, view, reply);
  return { ...reply, render: (shown) => sharedAs(turn, programme, view, reply.render(shown)) };
}

/** The answer to a card's refresh: this person's own view, refreshable again. */
export async function personalViewOf(
  turn: Turn,
  deps: Deps,
  programme: Programme,
  data: unknown,
): Promise<RenderedCard | null> {
  const parsed = viewSchema.safeParse(data);
  if (!parsed.success) return null;
  const view = parsed.data;
  const card =
    view.view === 'mine'
      ? wholeOf(await mineReplyFor(deps, programme, turn.sender))
      : (await updateFormFor(deps, programme, view.ref, turn.sender, 'read-only')).card;
  return sharedAs(turn, programme, view, card);
}
