import { z } from 'zod';
import type { NoChangeOutcome } from '../../app/prompt/no-change.use-case.js';
import { todayFor } from '../../app/reporting-day.js';
import { renderMessageCard } from '../../cards/message.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import type { Programme } from '../../domain/programme.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';
import { renderPromptCard } from '../../cards/prompt.card.js';

/** Buttons on the prompt and missing-updates cards. */
export const PROMPT_VERBS = ['noChange', 'chase'] as const;
export type PromptVerb = (typeof PROMPT_VERBS)[number];

export function isPromptVerb(verb: string): verb is PromptVerb {
  return (PROMPT_VERBS as readonly string[]).includes(verb);
}

/** A card's comma-separated list of action references. */
export const refList = z
  .string()
  .max(4_000)
  .transform((text) =>
    text
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
  );

const noChangeData = z.object({
  ref: z.string().trim().min(1).max(40),
  periodId: z.string().min(1).max(60),
  refs: refList.optional(),
});
const chaseData = z.object({ periodId: z.string().min(1).max(60), refs: refList });

export type PromptActionResult =
  | {
      readonly kind: 'card';
      readonly card: RenderedCard;
      readonly replacesForm: boolean;
      readonly recorded?: boolean;
    }
  | { readonly kind: 'bad-request'; readonly message: string };

const card = (rendered: RenderedCard): PromptActionResult => ({
  kind: 'card',
  card: rendered,
  replacesForm: true,
});

function refusal(outcome: Exclude<NoChangeOutcome, { ok: true }>): RenderedCard {
  switch (outcome.code) {
    case 'ACTION_NOT_FOUND':
      return renderMessageCard({
        title: `There is no action ${outcome.ref}`,
        lines: ['It may have been removed from the plan. Type /mine to see yours.'],
      });
    case 'NOT_OWNER':
      return renderMessageCard({
        title: `Only the owner can update ${outcome.action.ref}`,
        lines: [
          `${outcome.action.ref} is owned by ${outcome.action.ownerRole}; its holder, their deputy or a programme admin can answer.`,
        ],
      });
    case 'PERIOD_CLOSED':
      return renderMessageCard({
        title: `The ${outcome.periodId} period has closed`,
        lines: [`Type /update ${outcome.action.ref} to rate it for the period open now.`],
      });
    case 'NO_PREVIOUS_RATING':
      return renderMessageCard({
        title: `${outcome.action.ref} has never been rated`,
        lines: ['There is no rating to carry forward. Press Update to give one.'],
      });
    case 'ALREADY_ANSWERED':
      return renderMessageCard({
        title: `${outcome.action.ref} already has an answer for this period`,
        lines: [`Type /update ${outcome.action.ref} to change it.`],
      });
  }
}

/** "No change since last period" and "Chase": parse the card data, call one use case, answer with one card. */
export async function performPromptAction(
  deps: BotDependencies,
  programme: Programme,
  sender: Sender,
  verb: PromptVerb,
  data: unknown,
): Promise<PromptActionResult> {
  const now = deps.clock.now();
  if (verb === 'chase') {
    const parsed = chaseData.safeParse(data);
    if (!parsed.success)
      return {
        kind: 'bad-request',
        message: `The Chase button's data is not valid: ${parsed.error.message}`,
      };
    const outcome = await deps.promptAnswers.chase(programme, parsed.data, sender, now);
    if (!outcome.ok) {
      return card(
        renderMessageCard({
          title:
            outcome.code === 'NOT_LEAD'
              ? 'Only a workstream lead can chase these updates'
              : `${parsed.data.periodId} is not the period open now`,
          lines: [
            outcome.code === 'NOT_LEAD'
              ? 'A lead chases the owners of their own workstreams; their deputy or a programme admin can too.'
              : 'Chasing is only for the period open now: open the latest missing-updates card.',
          ],
        }),
      );
    }
    return card(
      renderMessageCard({
        title:
          outcome.chased.length === 0
            ? 'Nobody left to chase'
            : `Chasing ${outcome.chased.length} ${outcome.chased.length === 1 ? 'person' : 'people'}`,
        lines: [
          ...(outcome.chased.length > 0
            ? [`A reminder goes within a minute to ${outcome.chased.join(', ')}.`]
            : []),
          ...(outcome.answered.length > 0
            ? [`Already answered since the list was sent: ${outcome.answered.join(', ')}.`]
            : []),
          ...(outcome.unassigned.length > 0
            ? [
                `No one holds ${outcome.unassigned.join(', ')}: ask your programme admin to assign a person.`,
              ]
            : []),
        ],
      }),
    );
  }
  const parsed = noChangeData.safeParse(data);
  if (!parsed.success)
    return {
      kind: 'bad-request',
      message: `The button's data is not valid: ${parsed.error.message}`,
    };
  const { ref, periodId, refs } = parsed.data;
  const outcome = await deps.promptAnswers.noChange(
    programme,
    { ref, periodId },
    sender,
    now,
    todayFor(programme, deps.clock),
  );
  if (!outcome.ok) return card(refusal(outcome));
  deps.logger.info('No change recorded', { ref, period: periodId, by: outcome.update.by });
  // Redraw the prompt with this action answered, so its other actions keep their buttons.
  const listed = refs && refs.length > 0 ? refs : [ref];
  const view = await deps.promptAnswers.redraw(
    { programmeId: programme.id, periodId, recipient: sender.email ?? '', refs: listed },
    now,
  );
  const note = `Recorded ${outcome.update.rating} for ${ref}: no change since last period. You can still change it with /update ${ref}.`;
  return {
    kind: 'card',
    card: view.ok
      ? renderPromptCard(view.view, note)
      : renderMessageCard({ title: note, lines: [] }),
    replacesForm: true,
    recorded: true,
  };
}
