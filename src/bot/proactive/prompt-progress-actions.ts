import { z } from 'zod';
import { renderMessageCard } from '../../cards/message.card.js';
import { renderPromptCard, type PromptInput } from '../../cards/prompt.card.js';
import type { RenderedCard } from '../../cards/render-template.js';
import type { Programme } from '../../domain/programme.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Sender } from '../sender.js';
import type { StepsOutcome } from '../../app/governance/steps.use-case.js';
import { refList } from './prompt-actions.js';

/** Buttons inside a prompt: "Save steps" under an action, "Save figures" under the measures. */
export const PROMPT_PROGRESS_VERBS = ['tickSteps', 'giveFigures'] as const;
export type PromptProgressVerb = (typeof PROMPT_PROGRESS_VERBS)[number];

export function isPromptProgressVerb(verb: string): verb is PromptProgressVerb {
  return (PROMPT_PROGRESS_VERBS as readonly string[]).includes(verb);
}

/** Action.Execute sends the button's data with every input on the card beside it. */
const promptData = z.looseObject({
  periodId: z.string().min(1).max(60),
  ref: z.string().trim().min(1).max(40).optional(),
  refs: refList.optional(),
});

/** The inputs named `<prefix><key>`, by key: the card's measure fields or step ticks. */
function inputsNamed(data: Record<string, unknown>, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [id, value] of Object.entries(data)) {
    if (!id.startsWith(prefix) || typeof value !== 'string') continue;
    found[id.slice(prefix.length)] = value.slice(0, 2_000);
  }
  return found;
}

export type PromptProgressResult =
  | { readonly kind: 'card'; readonly card: RenderedCard; readonly replacesForm: boolean }
  | { readonly kind: 'bad-request'; readonly message: string };

/**
 * Steps ticked and figures given on the prompt itself: each is checked and saved, and the
 * prompt comes back as it stands now, with anything refused said beside its field and what
 * the person typed kept.
 */
export async function performPromptProgress(
  deps: BotDependencies,
  programme: Programme,
  sender: Sender,
  verb: PromptProgressVerb,
  data: unknown,
  submissionKey: string,
): Promise<PromptProgressResult> {
  const parsed = promptData.safeParse(data);
  if (!parsed.success) {
    return {
      kind: 'bad-request',
      message: `The button's data is not valid: ${parsed.error.message}`,
    };
  }
  const { periodId, ref } = parsed.data;
  const all = parsed.data as Record<string, unknown>;
  const figures = inputsNamed(all, 'measure-');
  const steps = inputsNamed(all, 'stepsDone-');
  const input: { -readonly [K in keyof PromptInput]: PromptInput[K] } = {};
  let note: string;
  if (verb === 'tickSteps') {
    if (ref === undefined) return { kind: 'bad-request', message: 'Save steps names no action.' };
    const ticked = (steps[ref] ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== '');
    const outcome = await deps.steps.setDone(programme, ref, ticked, sender);
    if (outcome.ok) {
      note = `Saved the steps of ${ref}: ${outcome.progress.done} of ${outcome.progress.total} done.`;
    } else {
      note = `The steps of ${ref} were not saved.`;
      input.steps = { [ref]: steps[ref] ?? '' };
      input.stepProblems = { [ref]: stepsRefusal(outcome) };
    }
    input.figures = figures;
  } else {
    const saved: string[] = [];
    const problems: Record<string, string> = {};
    const kept: Record<string, string> = {};
    for (const [code, text] of Object.entries(figures)) {
      if (text.trim() === '') continue;
      const outcome = await deps.measures.record(
        programme,
        {
          code,
          text,
          note: '',
          source: 'prompt',
          periodId,
          submissionKey: `${submissionKey}:${code}`,
        },
        sender,
      );
      if (outcome.ok) {
        saved.push(code);
        continue;
      }
      kept[code] = text;
      problems[code] = figureRefusal(outcome);
    }
    const refused = Object.keys(problems);
    note = [
      saved.length > 0 ? `Saved ${saved.join(', ')} for ${periodId}.` : '',
      refused.length > 0
        ? `${refused.join(', ')} ${refused.length === 1 ? 'was' : 'were'} not saved: see beside the field.`
        : '',
      saved.length === 0 && refused.length === 0
        ? 'No figure was given: type one in a field first.'
        : '',
    ]
      .filter((t) => t !== '')
      .join(' ');
    input.figures = kept;
    input.figureProblems = problems;
    input.steps = steps;
  }
  const listed =
    parsed.data.refs && parsed.data.refs.length > 0 ? parsed.data.refs : ref ? [ref] : [];
  const view = await deps.promptAnswers.redraw(
    { programmeId: programme.id, periodId, recipient: sender.email ?? '', refs: listed },
    deps.clock.now(),
  );
  const card = view.ok
    ? renderPromptCard(view.view, note, undefined, input)
    : renderMessageCard({ title: note, lines: [] });
  return { kind: 'card', card, replacesForm: true };
}

type FigureRefusal = Exclude<
  Awaited<ReturnType<BotDependencies['measures']['record']>>,
  { ok: true }
>;

function figureRefusal(outcome: FigureRefusal): string {
  switch (outcome.code) {
    case 'INVALID_MEASURE_VALUE':
      return outcome.message;
    case 'MEASURE_NOT_FOUND':
      return `There is no measure ${outcome.typed} in this programme any more.`;
    case 'NOT_REPORTER':
      return `You do not report ${outcome.measure.code}: ${outcome.measure.reportedBy} does.`;
    case 'PERIOD_CLOSED':
      return `This period has closed: type /measure ${outcome.measure.code} followed by the value for the period open now.`;
  }
}

/** Why steps were not saved, and what to do instead, beside the steps. */
function stepsRefusal(outcome: Exclude<StepsOutcome, { ok: true }>): string {
  switch (outcome.code) {
    case 'ACTION_NOT_FOUND':
      return `There is no action ${outcome.ref} any more: type /mine to see yours.`;
    case 'STEP_NOT_FOUND':
      return `${outcome.action.ref} has no step ${outcome.letters.join(', ')} any more.`;
    case 'NOT_OWNER':
      return `Only the action's owner, the step's own owner or their deputies can change step ${outcome.letters.join(', ')}.`;
    case 'PERIOD_CLOSED':
      return `Step ${outcome.letters.join(', ')} cannot change now: a tick can be taken back only until the period it was made in closes.`;
  }
}
