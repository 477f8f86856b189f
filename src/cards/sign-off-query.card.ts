import { NO_NAMES, type PeopleNames } from '../domain/people-names.js';
import type { SignOffQuery } from '../domain/sign-off.js';
import { shorten } from './action-line.js';
import { dayOf } from './governance-words.js';
import { ratingBadge } from './rating-style.js';
import { renderTemplate, type RenderedCard } from './render-template.js';

export interface SignOffQueryView {
  readonly query: SignOffQuery;
  readonly title: string;
  readonly problem?: string;
  readonly answer?: string;
  /** People by name and job title; absent, by email. */
  readonly names?: PeopleNames;
}

/** An owner's card: the lead's query on their rating, with Reply and Revise my update. */
export function renderSignOffQueryCard(view: SignOffQueryView): RenderedCard {
  const { query } = view;
  const badge = ratingBadge(query.rating);
  const answer = query.answer;
  return renderTemplate('sign-off-query', {
    heading: `Query on ${query.ref}: ${shorten(view.title, 80)}`,
    periodId: query.periodId,
    label: badge.label,
    swatch: badge.swatch,
    asked: `${query.raisedBy} asked on ${dayOf(query.raisedAt)}, signing off workstream ${query.workstream}:`,
    question: shorten(query.question, 1000),
    answered: answer
      ? `Answered by ${(view.names ?? NO_NAMES).person(answer.by)} on ${dayOf(answer.at)}: ${shorten(answer.text, 600)}`
      : '',
    problem: view.problem ?? '',
    open: answer === null,
    answer: view.answer ?? '',
    programmeId: query.programmeId,
    queryId: query.id,
    ref: query.ref,
  });
}
