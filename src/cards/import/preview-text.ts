import type { ImportPreview } from '../../app/import/import.use-case.js';
import type { ItemChanges, PlanCounts } from '../../app/import/plan-diff.js';
import type { RevisionChange, RevisionEffects } from '../../app/import/revision-changes.js';
import { formatDate } from '../../domain/dates.js';
import type { DueDate } from '../../domain/local-date.js';
import type { Role } from '../../domain/people.js';

/** Field names in the words a person uses. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  workstream: 'workstream',
  title: 'title',
  ownerRole: 'owner',
  contributors: 'contributors',
  due: 'due date',
  revisedDue: 'revised due date',
  outcomes: 'outcomes and measures',
  steps: 'steps',
  person: 'person',
  deputy: 'deputy',
  assigned: 'added with /assign, now in the workbook',
  name: 'name',
  leadRole: 'lead',
  aim: 'aim',
  closes: 'closing date',
  boardMeeting: 'board meeting',
  periodOrder: 'order of periods',
  unit: 'unit',
  better: 'which way is better',
  baseline: 'baseline',
  target: 'target',
  interimTargets: 'interim targets',
  comparators: 'comparators',
  links: 'actions or workstreams',
  reportedBy: 'reported by',
  frequency: 'frequency',
  source: 'source',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 workstreams, 12 actions, 60 steps, 11 roles, 8 periods, 13 past ratings". */
export function countsLine(counts: PlanCounts): string {
  const parts = [
    plural(counts.workstreams, 'workstream'),
    plural(counts.actions, 'action'),
    plural(counts.steps, 'step'),
    plural(counts.roles, 'role'),
    plural(counts.periods, 'period'),
    plural(counts.ratings, 'past rating'),
  ];
  // Measures are optional: a plan without them reads as it always has.
  if (counts.measures > 0) {
    parts.push(plural(counts.measures, 'measure'));
    parts.push(plural(counts.measureValues, 'past measure value'));
  }
  return parts.join(', ');
}

/** The first `limit` of a list, then "and N more": a card has a size limit, a terminal none. */
function listed(items: readonly string[], limit: number, separator: string): string {
  const shown = items.slice(0, limit).join(separator);
  // "A1, A2 and 3 more", but "A1: title; A2: owner; and 3 more" where items hold commas.
  const joiner = separator === ', ' ? ' ' : separator;
  return items.length > limit ? `${shown}${joiner}and ${items.length - limit} more` : shown;
}

/** "1 added (C3); 2 changed (A3: title; C2: steps)" or null when nothing changed. */
export function changesLine(changes: ItemChanges, limit = Infinity): string | null {
  const parts: string[] = [];
  if (changes.added.length > 0) {
    parts.push(`${changes.added.length} added (${listed(changes.added, limit, ', ')})`);
  }
  if (changes.changed.length > 0) {
    const each = changes.changed.map(
      (item) => `${item.key}: ${item.fields.map((f) => FIELD_WORDS[f] ?? f).join(', ')}`,
    );
    parts.push(`${changes.changed.length} changed (${listed(each, limit, '; ')})`);
  }
  if (changes.removed.length > 0) {
    parts.push(`${changes.removed.length} removed (${listed(changes.removed, limit, ', ')})`);
  }
  return parts.length === 0 ? null : parts.join('; ');
}

/** The preview as lines of plain text, for the terminal and the card's fallback text. */
/** `limit` caps each list of references (a card's size is limited; a terminal's is not). */
export function previewLines(preview: ImportPreview, limit = Infinity): string[] {
  const { changes } = preview;
  const lines = [
    `${preview.programmeName} (${preview.programmeId}): ${countsLine(preview.counts)}.`,
  ];
  if (changes.newProgramme) {
    lines.push('This is a new programme: everything in the workbook will be added.');
    return lines;
  }
  const kept = keptRolesLine(preview.keptRoles, limit);
  if (preview.unchanged) {
    lines.push('No changes: the stored plan is already the same as this workbook.');
    if (kept !== null) lines.push(kept);
    return lines;
  }
  if (changes.programme.length > 0) {
    lines.push(
      `Programme: ${changes.programme.map((f) => FIELD_WORDS[f] ?? f).join(', ')} changed.`,
    );
  }
  const sections: [string, ItemChanges][] = [
    ['Workstreams', changes.workstreams],
    ['Actions', changes.actions],
    ['Roles', changes.roles],
    ['Periods', changes.periods],
    ['Measures', changes.measures],
  ];
  for (const [label, items] of sections) {
    const line = changesLine(items, limit);
    if (line !== null) lines.push(`${label}: ${line}.`);
  }
  if (kept !== null) lines.push(kept);
  lines.push(...revisionLines(preview.revisions, limit));
  if (changes.ratingsAdded > 0) {
    lines.push(`Past ratings: ${changes.ratingsAdded} to add to the history.`);
  }
  if (changes.measureValuesAdded > 0) {
    lines.push(`Past measure values: ${changes.measureValuesAdded} to add to the history.`);
  }
  if (changes.actions.removed.length > 0) {
    lines.push('The history of removed actions is kept, not deleted.');
  }
  return lines;
}

function dateWords(due: DueDate | null): string {
  if (due === null) return 'no due date';
  return due === 'Ongoing' ? 'Ongoing' : formatDate(due);
}

/**
 * "A2: the workbook sets 31 Mar 2021; the board's revision to 30 Apr 2021, agreed by
 * cd@council.example on 12 Jan 2021, will be replaced."
 */
export function revisionChangeLine(change: RevisionChange): string {
  const on = change.agreedAt === '' ? '' : ` on ${formatDate(change.agreedAt.slice(0, 10))}`;
  const by = change.agreedBy === '' ? '' : `, agreed by ${change.agreedBy}${on},`;
  return (
    `${change.ref}: the workbook sets ${dateWords(change.workbookDue)}; the board's revision ` +
    `to ${formatDate(change.agreedDue)}${by} will be replaced.`
  );
}

/** Agreed revised dates the workbook overrules, one line each, then those that stay. */
function revisionLines(revisions: RevisionEffects, limit: number): string[] {
  const { overruled, kept } = revisions;
  const lines = overruled.slice(0, limit).map(revisionChangeLine);
  const more = overruled.length - lines.length;
  if (more > 0) {
    lines.push(`And ${plural(more, 'more agreed revision')} will be replaced.`);
  }
  if (kept.length > 0) {
    lines.push(
      `Revised dates agreed by the board stay for ${listed(kept, limit, ', ')}: ` +
        `the workbook leaves ${kept.length === 1 ? 'its' : 'their'} dates alone.`,
    );
  }
  return lines;
}

/** "Roles added with /assign stay (the workbook does not have them): CHAIR, Chair of…". */
function keptRolesLine(roles: readonly Role[], limit: number): string | null {
  if (roles.length === 0) return null;
  const each = roles.map((role) => `${role.code} (${role.title}, ${role.person ?? 'vacant'})`);
  const them = roles.length === 1 ? 'it' : 'them';
  return `Roles added with /assign stay, as the workbook does not have ${them}: ${listed(each, limit, '; ')}.`;
}
