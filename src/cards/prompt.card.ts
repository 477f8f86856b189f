import type { MessageView } from '../app/prompt/message-view.js';
import { dueText, shorten } from './action-line.js';
import { ratingBadge } from './rating-style.js';
import { splitToBudget } from './message-budget.js';
import { renderTemplate, type RenderedCard } from './render-template.js';
import { formatDate, formatDateWithDay } from '../domain/dates.js';
import { formatMeasureValue, UNIT_WORDS } from '../domain/measure.js';
import { NOT_RATED } from '../domain/rating.js';

function headingOf(view: MessageView): string {
  switch (view.kind) {
    case 'prompt':
      return `Your ${view.periodId} update for ${view.programmeName}`;
    case 'reminder':
      return `Reminder: your ${view.periodId} update is still to come`;
    case 'nudge':
      return `Coming due soon: ${view.sections.flatMap((s) => s.actions.map((a) => a.ref)).join(', ')}`;
    case 'escalation':
      return `Missing ${view.periodId} updates`;
  }
}

function introOf(view: MessageView): string {
  const closes = view.closes === '' ? '' : ` closes on ${formatDateWithDay(view.closes)}`;
  switch (view.kind) {
    case 'prompt':
      return `The ${view.periodId} reporting period${closes}. For each action below, give a rating with a short note, or say nothing has changed since last period.`;
    case 'reminder':
      return `The ${view.periodId} reporting period${closes} and these actions have no rating yet. It takes a minute per action.`;
    case 'nudge':
      return `This action is due within a week. If it will be late, say so in an update and propose a new date.`;
    case 'escalation':
      return '';
  }
}

/** Which part of a prompt split to fit Teams' size limit a card is, e.g. " (2 of 3)". */
export interface PromptPart {
  readonly index: number;
  readonly of: number;
}

/**
 * What the person typed or ticked on a prompt that comes back with a problem: kept, with
 * each problem beside its field. Keys are measure codes and action refs.
 */
export interface PromptInput {
  readonly figures?: Readonly<Record<string, string>>;
  readonly figureProblems?: Readonly<Record<string, string>>;
  readonly steps?: Readonly<Record<string, string>>;
  readonly stepProblems?: Readonly<Record<string, string>>;
}

function measureFields(view: MessageView, input: PromptInput) {
  return view.measures.map((m) => ({
    code: m.code,
    label: `${m.code}: ${shorten(m.name, 120)} (${UNIT_WORDS[m.unit]})`,
    placeholder: m.unit === '%' ? 'e.g. 75.9' : 'a figure',
    last: m.last
      ? `Last value: ${formatMeasureValue(m.unit, m.last.value)} in ${m.last.periodId}${m.given ? ' (this period; a new one replaces it)' : ''}`
      : 'No value yet',
    typed: input.figures?.[m.code] ?? '',
    error: input.figureProblems?.[m.code] ?? '',
  }));
}

function stepChoice(step: MessageView['sections'][number]['actions'][number]['steps'][number]) {
  const state =
    step.doneOn !== null ? ` · done ${formatDate(step.doneOn)}` : step.late ? ' · late' : '';
  return {
    letter: step.letter,
    title: `${step.letter}) ${shorten(step.title, 140)} · ${dueText(step.due)}${state}`,
  };
}

/** One message per owner per period: every open action with its rating, dates and steps. */
export function renderPromptCard(
  view: MessageView,
  note?: string,
  part?: PromptPart,
  input: PromptInput = {},
): RenderedCard {
  // The card's refs, once, in a hidden input that Teams sends with every button press
  // (Action.Execute gathers the card's inputs), so a card can be redrawn in place.
  const refsText = view.sections.flatMap((s) => s.actions.map((a) => a.ref)).join(',');
  const pending = (answered: boolean) => view.kind !== 'reminder' || !answered;
  return renderTemplate('prompt', {
    heading:
      part === undefined ? headingOf(view) : `${headingOf(view)} (${part.index} of ${part.of})`,
    intro: note ?? introOf(view),
    refsText,
    programmeId: view.programmeId,
    periodId: view.periodId,
    measures: part === undefined || part.index === 1 ? measureFields(view, input) : [],
    sections: view.sections
      .map((section) => ({
        onBehalfOf:
          section.onBehalfOf === null
            ? ''
            : `Standing in for ${section.onBehalfOf} while they are away`,
        actions: section.actions
          .filter((a) => pending(a.answered))
          .map((a) => {
            const badge = ratingBadge(a.rating);
            return {
              programmeId: view.programmeId,
              ref: a.ref,
              title: shorten(a.title, 300),
              ratingLabel: badge.label,
              ratingSwatch: badge.swatch,
              due: dueText(a.due),
              answeredText: a.answered ? ` · answered for ${view.periodId}` : '',
              steps: a.steps.map(stepChoice),
              stepsDone:
                input.steps?.[a.ref] ??
                a.steps
                  .filter((s) => s.doneOn !== null)
                  .map((s) => s.letter)
                  .join(','),
              stepsDoneText: `${a.steps.filter((s) => s.doneOn !== null).length} of ${a.steps.length}`,
              stepsError: input.stepProblems?.[a.ref] ?? '',
              stepsOpen:
                input.stepProblems?.[a.ref] !== undefined || input.steps?.[a.ref] !== undefined,
              canRollOver: a.rating !== NOT_RATED && !a.answered,
              periodId: view.periodId,
            };
          }),
      }))
      .filter((section) => section.actions.length > 0),
  });
}

/** The view with only these actions (and the sections that still have one). */
function onlyRefs(view: MessageView, refs: ReadonlySet<string>): MessageView {
  return {
    ...view,
    sections: view.sections
      .map((section) => ({ ...section, actions: section.actions.filter((a) => refs.has(a.ref)) }))
      .filter((section) => section.actions.length > 0),
  };
}

/**
 * The prompt as few cards as fit the message budget (`fits`), each answerable on its own: its
 * own actions, their buttons and its own refs. An owner of a few actions gets one card.
 */
export function renderPromptCards(
  view: MessageView,
  fits: (card: RenderedCard) => boolean,
): RenderedCard[] {
  const whole = renderPromptCard(view);
  if (fits(whole)) return [whole];
  const refs = view.sections.flatMap((s) => s.actions.map((a) => a.ref));
  const widest: PromptPart = { index: 99, of: 99 };
  const { groups } = splitToBudget(
    refs,
    (group) => renderPromptCard(onlyRefs(view, new Set(group)), undefined, widest),
    fits,
  );
  return groups.map((group, i) =>
    renderPromptCard(onlyRefs(view, new Set(group)), undefined, {
      index: i + 1,
      of: groups.length,
    }),
  );
}
