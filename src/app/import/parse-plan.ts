import { DEFAULT_RULES, DEFAULT_TIME_ZONE, type Programme } from '../../domain/programme.js';
import type { Plan } from '../../store/plan.repository.js';
import { bindSheet, findSheet } from './bound-sheet.js';
import { DECIDERS_SHEET } from './deciders-sheet.js';
import { problemAt, type ImportProblem } from './import-problem.js';
import { MEASURE_VALUES_SHEET, MEASURES_SHEET } from './measure-sheet-specs.js';
import { parseActions } from './parse-actions.js';
import { parseMeasureValues } from './parse-measure-values.js';
import { parseMeasures } from './parse-measures.js';
import { parseCalendar } from './parse-calendar.js';
import { parseDeciders } from './parse-deciders.js';
import { parseRatings } from './parse-ratings.js';
import { parseRoles } from './parse-roles.js';
import { parseWorkstreams } from './parse-workstreams.js';
import { createDateReader } from './read-date.js';
import {
  ACTIONS_SHEET,
  CALENDAR_SHEET,
  headerKey,
  RATINGS_SHEET,
  ROLES_SHEET,
  WORKSTREAMS_SHEET,
} from './sheet-specs.js';
import type { RawWorkbook } from './workbook.js';

/** Who the plan belongs to: the workbook itself says nothing about its programme. */
export interface PlanIdentity {
  readonly id: string;
  readonly name: string;
  /** Kept from the stored programme, so an import never resets its time zone or rules. */
  readonly timeZone?: string;
  readonly rules?: Programme['rules'];
}

export type ParsedPlan =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/**
 * Reads and checks the whole workbook. Every sheet is read even when another has problems,
 * so one pass reports everything; a plan comes back only when there are none.
 */
export function parsePlan(workbook: RawWorkbook, identity: PlanIdentity): ParsedPlan {
  const problems: ImportProblem[] = [];
  const dates = createDateReader(problems);
  const programmeId = identity.id;
  const rolesSheet = bindSheet(workbook, ROLES_SHEET, problems);
  const workstreamsSheet = bindSheet(workbook, WORKSTREAMS_SHEET, problems);
  const actionsSheet = bindSheet(workbook, ACTIONS_SHEET, problems);
  const calendarSheet = bindSheet(workbook, CALENDAR_SHEET, problems);
  const ratingsSheet = bindSheet(workbook, RATINGS_SHEET, problems);
  // Absent, the default deciders hold; present (even empty of rows), the sheet names them.
  const decidersSheet = findSheet(workbook, DECIDERS_SHEET)
    ? bindSheet(workbook, DECIDERS_SHEET, problems)
    : null;
  const measuresSheet = bindSheet(workbook, MEASURES_SHEET, problems);
  const valuesSheet = bindSheet(workbook, MEASURE_VALUES_SHEET, problems);

  // A sheet that cannot be read is reported once; references into it are then not checked.
  const roles = rolesSheet && parseRoles(rolesSheet, programmeId, problems);
  const workstreams =
    workstreamsSheet && parseWorkstreams(workstreamsSheet, programmeId, roles, problems);
  const parsedActions =
    actionsSheet &&
    parseActions(actionsSheet, { programmeId, workstreams, roles, problems, dates });
  const periods = calendarSheet && parseCalendar(calendarSheet, problems, dates);
  const actions = parsedActions?.actions ?? null;
  const measures =
    measuresSheet &&
    parseMeasures(measuresSheet, { programmeId, actions, workstreams, roles, problems, dates });
  dates.finish();
  const ratings = ratingsSheet
    ? parseRatings(ratingsSheet, {
        programmeId,
        actions,
        periods,
        problems,
      })
    : [];
  const deciders = decidersSheet && parseDeciders(decidersSheet, { roles, workstreams, problems });
  const measureValues = valuesSheet
    ? parseMeasureValues(valuesSheet, { programmeId, measures, periods, problems })
    : [];
  if (actionsSheet && parsedActions?.actions.length === 0) {
    const place = { sheet: actionsSheet.name, row: null, column: null, columnLetter: null };
    problems.push(problemAt(place, 'NO_ACTIONS'));
  }

  if (problems.length > 0 || !roles || !workstreams || !parsedActions || !periods) {
    return { ok: false, problems: inSheetOrder(problems) };
  }
  const programme: Programme = {
    id: programmeId,
    name: identity.name,
    timeZone: identity.timeZone ?? DEFAULT_TIME_ZONE,
    periods,
    rules: identity.rules ?? DEFAULT_RULES,
  };
  return {
    ok: true,
    plan: {
      programme,
      workstreams: [...workstreams.values()],
      actions: parsedActions.actions,
      roles: [...roles.values()],
      ratings,
      ...(deciders ? { deciders } : {}),
      measures: [...(measures?.values() ?? [])],
      measureValues,
    },
  };
}

const SHEET_ORDER = [
  WORKSTREAMS_SHEET,
  ACTIONS_SHEET,
  ROLES_SHEET,
  CALENDAR_SHEET,
  RATINGS_SHEET,
  DECIDERS_SHEET,
  MEASURES_SHEET,
  MEASURE_VALUES_SHEET,
].map((spec) => new Set(spec.names.map(headerKey)));

function sheetRank(name: string): number {
  const rank = SHEET_ORDER.findIndex((names) => names.has(headerKey(name)));
  return rank === -1 ? SHEET_ORDER.length : rank;
}

/** Column letters in Excel's order: Z before AA. */
function compareColumns(a: string | null, b: string | null): number {
  const left = (a ?? '').padStart(3, ' ');
  const right = (b ?? '').padStart(3, ' ');
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Sheets in the format's order, then rows top to bottom, as a person would fix them. */
function inSheetOrder(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort(
    (a, b) =>
      sheetRank(a.sheet) - sheetRank(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      compareColumns(a.columnLetter, b.columnLetter),
  );
}
