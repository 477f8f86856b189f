import type { Action } from '../../domain/action.js';
import { normaliseEmail } from '../../domain/people.js';
import type { Programme } from '../../domain/programme.js';
import {
  mayTickStep,
  mayUntick,
  stepProgress,
  type StepProgress,
} from '../../domain/step-completion.js';
import type { ActionRepository } from '../../store/action.repository.js';
import type { RoleRepository } from '../../store/role.repository.js';
import type { StepTickRepository } from '../../store/step-tick.repository.js';
import type { Clock } from '../clock.js';
import { periodOpenOn, todayFor } from '../reporting-day.js';
import { heldRoles, type Participant } from './people-in-roles.js';

export interface StepsUseCaseOptions {
  readonly actions: Pick<ActionRepository, 'get'>;
  readonly roles: Pick<RoleRepository, 'rolesOf'>;
  readonly stepTicks: StepTickRepository;
  readonly clock: Clock;
}

export interface StepChange {
  readonly ref: string;
  /** Letters to tick done and to untick; a letter in neither is left as it is. */
  readonly done: readonly string[];
  readonly notDone: readonly string[];
}

export type StepsOutcome =
  | { readonly ok: true; readonly action: Action; readonly progress: StepProgress }
  | { readonly ok: false; readonly code: 'ACTION_NOT_FOUND'; readonly ref: string }
  | {
      readonly ok: false;
      readonly code: 'STEP_NOT_FOUND';
      readonly action: Action;
      readonly letters: readonly string[];
    }
  | {
      readonly ok: false;
      readonly code: 'NOT_OWNER';
      readonly action: Action;
      readonly letters: readonly string[];
    }
  /** No period is open, or a tick to take back was made in a period that has closed. */
  | {
      readonly ok: false;
      readonly code: 'PERIOD_CLOSED';
      readonly action: Action;
      readonly letters: readonly string[];
    };

/**
 * Ticking steps done: the action's owner (or the step's own owner, or their deputies) ticks
 * a step with today's date, and may untick it until the period it was ticked in closes.
 * All the changes are checked before any is written.
 */
export function createStepsUseCase(options: StepsUseCaseOptions) {
  const { actions, roles, stepTicks, clock } = options;

  async function progressOf(programme: Programme, action: Action): Promise<StepProgress> {
    const ticks = await stepTicks.listForAction(programme.id, action.ref);
    return stepProgress(action, ticks, todayFor(programme, clock));
  }

  return {
    progressOf,

    /** Every tick of the programme, for the digest, the tab and the board pack. */
    ticksOf: (programme: Programme) => stepTicks.listForProgramme(programme.id),

    /**
     * The steps ticked on a card: these letters done and every other one not. Only the
     * steps whose state changes are checked, so a step's own owner can save a card that
     * shows the action's other steps too.
     */
    async setDone(
      programme: Programme,
      ref: string,
      done: readonly string[],
      who: Participant,
    ): Promise<StepsOutcome> {
      const wanted = new Set(done.map((l) => l.trim().toLowerCase()).filter((l) => l !== ''));
      const ticked = new Set(
        (await stepTicks.listForAction(programme.id, ref.trim())).map((t) => t.letter),
      );
      return change(
        programme,
        {
          ref,
          done: [...wanted].filter((l) => !ticked.has(l)),
          notDone: [...ticked].filter((l) => !wanted.has(l)),
        },
        who,
      );
    },

    change,
  };

  async function change(
    programme: Programme,
    change: StepChange,
    who: Participant,
  ): Promise<StepsOutcome> {
    const found = await actions.get(programme.id, change.ref.trim());
    if (!found) return { ok: false, code: 'ACTION_NOT_FOUND', ref: change.ref };
    const action = found.value;
    const letters = [...change.done, ...change.notDone].map((l) => l.trim().toLowerCase());
    const stepOf = (letter: string) => action.steps.find((s) => s.letter === letter);
    const unknown = letters.filter((l) => !stepOf(l));
    if (unknown.length > 0) {
      return { ok: false, code: 'STEP_NOT_FOUND', action, letters: unknown };
    }
    const held = await heldRoles(roles, programme.id, who.email);
    const refused = letters.filter((l) => {
      const step = stepOf(l);
      return !who.isAdmin && (!step || !mayTickStep(action, step, held));
    });
    if (refused.length > 0) return { ok: false, code: 'NOT_OWNER', action, letters: refused };

    const today = todayFor(programme, clock);
    const period = periodOpenOn(programme, today);
    const ticks = await stepTicks.listForAction(programme.id, action.ref);
    const tickOf = (letter: string) => ticks.find((t) => t.letter === letter);
    const toTick = change.done.map((l) => l.trim().toLowerCase()).filter((l) => !tickOf(l));
    const toUntick = change.notDone.map((l) => l.trim().toLowerCase()).filter((l) => tickOf(l));
    const locked = toUntick.filter((l) => {
      const tick = tickOf(l);
      return tick !== undefined && !mayUntick(tick, programme.periods, today);
    });
    if (locked.length > 0) return { ok: false, code: 'PERIOD_CLOSED', action, letters: locked };
    if (toTick.length > 0 && !period) {
      return { ok: false, code: 'PERIOD_CLOSED', action, letters: toTick };
    }

    const at = clock.now().toISOString();
    const by = who.email === null ? 'unknown' : normaliseEmail(who.email);
    for (const letter of toTick) {
      if (!period) break;
      await stepTicks.tick({
        programmeId: programme.id,
        ref: action.ref,
        letter,
        doneOn: today,
        by,
        at,
        periodId: period.id,
      });
    }
    for (const letter of toUntick) await stepTicks.untick(programme.id, action.ref, letter);
    return { ok: true, action, progress: await progressOf(programme, action) };
  }
}

export type StepsUseCase = ReturnType<typeof createStepsUseCase>;
