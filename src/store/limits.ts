import type { Action } from '../domain/action.js';
import { DomainError } from '../domain/errors.js';
import type { StatusUpdate } from '../domain/status-update.js';
import type { Plan } from './plan.repository.js';

/** Azure Tables: 64 KiB per string property, which is 32,768 UTF-16 code units. */
export const MAX_STRING_CHARS = 32 * 1024;
/** Azure Tables: 1 MiB per entity, counted the way the service documents it. */
export const MAX_ENTITY_BYTES = 1024 * 1024;

/** Refuses text the store could not keep whole, naming the field and the limit. */
export function assertTextFits(field: string, value: string | null, where: string): void {
  if (value !== null && value.length > MAX_STRING_CHARS) {
    throw new DomainError(
      'TOO_LARGE',
      `The ${field} of ${where} is ${value.length} characters long; the most that can be ` +
        `stored is ${MAX_STRING_CHARS}. Shorten it, or put the detail in a linked document.`,
      { field, length: value.length, limit: MAX_STRING_CHARS },
    );
  }
}

/** Notes and evidence are kept whole or refused; they are never split or cut. */
export function assertUpdateFits(update: StatusUpdate): void {
  const where = `the update to ${update.ref}`;
  assertTextFits('note', update.note, where);
  assertTextFits('evidence', update.evidence, where);
}

/**
 * Plan text the store keeps in single properties (titles, names, aims). Steps and outcomes
 * are split across properties when long, so only the entity limit applies to them.
 */
export function assertPlanFits(plan: Plan): void {
  assertTextFits('name', plan.programme.name, `programme ${plan.programme.id}`);
  for (const workstream of plan.workstreams) {
    const where = `workstream ${workstream.code}`;
    assertTextFits('name', workstream.name, where);
    assertTextFits('aim', workstream.aim, where);
  }
  for (const action of plan.actions) {
    assertTextFits('title', action.title, `action ${action.ref}`);
    assertActionFits(action);
  }
  for (const rating of plan.ratings) assertUpdateFits(rating);
  for (const measure of plan.measures ?? []) {
    assertTextFits('name', measure.name, `measure ${measure.code}`);
    assertTextFits('source', measure.source, `measure ${measure.code}`);
  }
  for (const value of plan.measureValues ?? []) {
    assertTextFits('note', value.note, `the value of ${value.code}`);
  }
}

/** Room kept for keys and column names when an action's JSON is stored as one entity. */
const ENTITY_OVERHEAD_BYTES = 8 * 1024;

/** An action's steps and outcomes may be split across columns, but one row holds them all. */
function assertActionFits(action: Action): void {
  const bytes = JSON.stringify(action).length * 2;
  const limit = MAX_ENTITY_BYTES - ENTITY_OVERHEAD_BYTES;
  if (bytes > limit) {
    throw new DomainError(
      'TOO_LARGE',
      `Action ${action.ref} needs ${bytes} bytes of storage with its steps and outcomes; the ` +
        `most one action can have is ${limit}. Shorten its text or split it into two actions.`,
      { field: 'action', ref: action.ref, length: bytes, limit },
    );
  }
}
