import type { z } from 'zod';
import { todayFor } from '../../app/reporting-day.js';
import { renderReceiptCard } from '../../cards/receipt.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import { renderUpdateFormCard } from '../../cards/update-form.card.js';
import type { Programme } from '../../domain/programme.js';
import { localDateOf, localTimeOf } from '../../domain/zoned-time.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { SaveReads } from '../../app/update.use-case.js';
import type { Sender } from '../sender.js';
import { editDataSchema, updateDataSchema } from './card-data.js';
import { refusalCardFor } from './update-replies.js';

/**
 * A card to show, and whether it takes the place of the form that was pressed. `recorded`
 * marks a save: the card is its receipt, so the message itself is replaced for everyone and
 * on every device, not only in the answer to the person who pressed.
 */
export type CardOutcome = {
  readonly kind: 'card';
  readonly card: RenderedCard;
  readonly replacesForm: boolean;
  readonly recorded?: boolean;
};
type InvalidData = { readonly kind: 'invalid-data'; readonly error: z.ZodError };

function card(rendered: RenderedCard, replacesForm: boolean): CardOutcome {
  return { kind: 'card', card: rendered, replacesForm };
}

/**
 * A Save's reads of the action, its owner's role and its programme, started from what the
 * card names, so they come back together. Null when the card's data will be refused anyway;
 * a failed read is logged and left to the Save to make again.
 */
export function readAheadForSave(
  deps: BotDependencies,
  programmeId: string,
  sender: Sender,
  data: unknown,
): Promise<SaveReads | null> {
  const parsed = updateDataSchema.safeParse(data);
  if (!parsed.success) return Promise.resolve(null);
  const { ref, aim, owner } = parsed.data;
  const hints = {
    ref,
    ...(aim === '' ? {} : { aim }),
    ...(owner === '' ? {} : { ownerRole: owner }),
  };
  return deps.update.readForSave(programmeId, hints, sender).catch((error: unknown) => {
    deps.logger.warn('A Save read ahead failed; reading again', {
      ref,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  });
}

/** "Save" on the update form: record it, or say why not on the same card. */
export async function performUpdate(
  deps: BotDependencies,
  programme: Programme,
  sender: Sender,
  data: unknown,
  viaInvoke: boolean,
  ahead: SaveReads | null = null,
): Promise<CardOutcome | InvalidData> {
  const parsed = updateDataSchema.safeParse(data);
  if (!parsed.success) return { kind: 'invalid-data', error: parsed.error };
  const input = parsed.data;
  const now = deps.clock.now();
  const today = todayFor(programme, deps.clock);
  const kept = {
    rating: input.rating,
    note: input.note,
    evidence: input.evidence,
    proposedDue: input.proposedDue,
    revisionReason: input.revisionReason,
    ...(input.stepsDone === undefined ? {} : { stepsDone: input.stepsDone }),
  };
  // A later date goes to the deciders with its reason: checked before anything is saved.
  const ask = { ref: input.ref, toDue: input.proposedDue, reason: input.revisionReason };
  const asking = input.proposedDue !== '' || input.revisionReason.trim() !== '';
  const revisionProblems = asking ? await deps.revisions.check(programme, ask, sender) : [];
  if (revisionProblems.length > 0) {
    const form = await deps.update.openForm(programme, input.ref, sender, today);
    if (form.ok) {
      const steps = await deps.steps.progressOf(programme, form.action.value);
      return card(
        renderUpdateFormCard({
          action: form.action.value,
          etag: input.etag,
          period: form.period,
          input: kept,
          revisionProblems,
          steps,
        }),
        true,
      );
    }
  }
  const outcome = await deps.update.submit(
    programme,
    {
      ref: input.ref,
      periodId: input.periodId,
      etag: input.etag,
      ...(input.aim === '' ? {} : { aim: input.aim }),
      rating: input.rating === '' ? null : input.rating,
      note: input.note,
      evidence: input.evidence === '' ? null : input.evidence,
      proposedDue: input.proposedDue === '' ? null : input.proposedDue,
      source: 'card',
    },
    sender,
    now,
    today,
    ahead ?? undefined,
  );
  if (outcome.ok) {
    const { update, period } = outcome;
    if (asking) await deps.revisions.ask(programme, ask, sender);
    if (input.stepsDone !== undefined) {
      const ticked = input.stepsDone
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      const all = outcome.action.value.steps.map((s) => s.letter);
      await deps.steps.change(
        programme,
        { ref: update.ref, done: ticked, notDone: all.filter((l) => !ticked.includes(l)) },
        sender,
      );
    }
    await deps.revisions.withdrawIfBlue(programme, outcome.action.value);
    deps.logger.info('Update recorded', { ref: update.ref, period: period.id, by: update.by });
    const receipt = renderReceiptCard({
      update,
      time: localTimeOf(now, programme.timeZone),
      date: localDateOf(now, programme.timeZone),
      period,
      canChange: period.closes >= today,
    });
    return { ...card(receipt, true), recorded: true };
  }
  switch (outcome.code) {
    case 'INVALID_UPDATE': {
      const { action, period, problems } = outcome;
      // The steps stay on the form, ticked as the person left them.
      const form = renderUpdateFormCard({
        action: action.value,
        etag: action.etag,
        ...(action.aim === undefined ? {} : { aim: action.aim }),
        period,
        input: kept,
        problems,
        steps: await deps.steps.progressOf(programme, action.value),
      });
      return card(form, true);
    }
    case 'STALE_UPDATE': {
      const { current, period } = outcome;
      const form = renderUpdateFormCard({
        action: current.value,
        etag: current.etag,
        period,
        input: kept,
        stale: true,
        viewer: sender.email,
        names: await deps.names.of(programme.id),
        steps: await deps.steps.progressOf(programme, current.value),
      });
      return card(form, true);
    }
    case 'ACTION_NOT_FOUND':
    case 'NOT_OWNER':
    case 'PERIOD_CLOSED':
      // Through Action.Execute the answer is seen only by the person who pressed the button.
      return card(refusalCardFor(outcome), viaInvoke);
  }
}

/** "Update" and "Change": a fresh form for the action, in the period open today. */
export async function performEdit(
  deps: BotDependencies,
  programme: Programme,
  sender: Sender,
  data: unknown,
): Promise<CardOutcome | InvalidData> {
  const parsed = editDataSchema.safeParse(data);
  if (!parsed.success) return { kind: 'invalid-data', error: parsed.error };
  const today = todayFor(programme, deps.clock);
  const form = await deps.update.openForm(programme, parsed.data.ref, sender, today);
  if (!form.ok) return card(refusalCardFor(form), false);
  const asked = parsed.data.periodId;
  if (asked !== undefined && asked !== form.period.id) {
    const closed = {
      ok: false,
      code: 'PERIOD_CLOSED',
      action: form.action.value,
      periodId: asked,
    } as const;
    return card(refusalCardFor(closed), false);
  }
  const current = form.action.value.current;
  // "Change" on a receipt starts from what was recorded this period.
  const input =
    current && current.periodId === form.period.id
      ? { rating: current.rating, note: current.note, evidence: '', proposedDue: '' }
      : undefined;
  return card(
    renderUpdateFormCard({
      action: form.action.value,
      etag: form.action.etag,
      period: form.period,
      steps: await deps.steps.progressOf(programme, form.action.value),
      ...(input ? { input } : {}),
    }),
    true,
  );
}
