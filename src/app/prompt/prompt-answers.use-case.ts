import type { IsoDate } from '../../domain/local-date.js';
import type { Programme } from '../../domain/programme.js';
import type { ProgrammeRepository } from '../../store/programme.repository.js';
import type { Clock } from '../clock.js';
import { chaseMissing, type ChaseDeps, type ChaseOutcome } from './chase.use-case.js';
import {
  createMessageViews,
  type MessageViewOptions,
  type MessageViewResult,
} from './message-view.js';
import { recordNoChange, type NoChangeDeps, type NoChangeOutcome } from './no-change.use-case.js';
import { outboxRowOf } from './outbox-row.js';

export interface PromptAnswersOptions {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly actions: NoChangeDeps['actions'] & ChaseDeps['actions'];
  readonly roles: NoChangeDeps['roles'] & ChaseDeps['roles'] & MessageViewOptions['roles'];
  readonly workstreams: ChaseDeps['workstreams'];
  readonly people: ChaseDeps['people'];
  readonly outbox: ChaseDeps['outbox'];
  readonly stepTicks: MessageViewOptions['stepTicks'];
  readonly measures: MessageViewOptions['measures'];
  readonly clock: Clock;
}

interface Answerer {
  readonly email: string | null;
  readonly isAdmin: boolean;
}

/** The buttons on a prompt and on the missing-updates card. */
export interface PromptAnswersUseCase {
  noChange(
    programme: Programme,
    request: { readonly ref: string; readonly periodId: string },
    updater: Answerer,
    now: Date,
    today: IsoDate,
  ): Promise<NoChangeOutcome>;
  chase(
    programme: Programme,
    request: { readonly periodId: string; readonly refs: readonly string[] },
    chaser: Answerer,
    now: Date,
  ): Promise<ChaseOutcome>;
  /**
   * The prompt of `refs` as it stands now, so an answered action shows as answered, ticked
   * steps as done and a given figure as the last value.
   */
  redraw(
    prompt: {
      readonly programmeId: string;
      readonly periodId: string;
      readonly recipient: string;
      readonly refs: readonly string[];
    },
    now: Date,
  ): Promise<MessageViewResult>;
}

export function createPromptAnswers(options: PromptAnswersOptions): PromptAnswersUseCase {
  return {
    noChange: (programme, request, updater, now, today) =>
      recordNoChange(options, programme, request, updater, now, today),
    chase: (programme, request, chaser, now) =>
      chaseMissing(options, programme, request, chaser, now),
    async redraw(prompt, now) {
      const row = outboxRowOf(
        {
          key: 'redraw',
          kind: 'prompt',
          programmeId: prompt.programmeId,
          periodId: prompt.periodId,
          recipient: prompt.recipient,
          role: '',
          onBehalfOf: null,
          refs: prompt.refs,
          sections: [{ role: '', onBehalfOf: null, refs: prompt.refs }],
          sendAt: now,
          until: now,
        },
        now,
      );
      // Views made afresh: the scheduler's keep a programme for seconds, and this one must
      // show the answer just given.
      return createMessageViews(options).viewOf(row);
    },
  };
}
