import { todayFor } from '../../app/reporting-day.js';
import { revisionView } from '../../app/governance/revision.use-case.js';
import { mostPressingFirst, type ActionLine } from '../../app/action-line.js';
import { formatDate } from '../../domain/dates.js';
import { stepProgress } from '../../domain/step-completion.js';
import { renderActionDetailCard } from '../../cards/action-detail.card.js';
import { renderActionListCard } from '../../cards/action-list.card.js';
import { measureLine } from '../../cards/measure-view.js';
import { renderProgrammeStatusCard } from '../../cards/programme-status.card.js';
import { listReply, type ListReply } from '../list-reply.js';
import { noProgrammeCard, notFoundCard, reportUrlOf } from '../replies.js';
import { programmeOfTurn, type Turn } from '../turn.js';
import type { StatusReadAhead } from '../../app/status.use-case.js';
import type { Command } from './command.js';

/** Lines a workstream's `/status` shows: a phone's screenful, the whole list a tap away. */
export const GLANCE_LINES = 8;
/** The word after a workstream's code that asks for every one of its actions. */
const WHOLE_LIST = 'all';

/**
 * The glance's lines, by the list they were chosen from: a read cache hands back the same
 * list until a write, and then the same lines let the card drawn from them be used again.
 */
const glances = new WeakMap<readonly ActionLine[], readonly ActionLine[]>();

function glanceOf(actions: readonly ActionLine[]): readonly ActionLine[] {
  let lines = glances.get(actions);
  if (!lines) {
    lines = mostPressingFirst(actions).slice(0, GLANCE_LINES);
    glances.set(actions, lines);
  }
  return lines;
}

/** What `/status` began to read for its turn before the programme was settled. */
const readEarly = new WeakMap<Turn, StatusReadAhead>();

export const statusCommand: Command = {
  name: 'status',
  programmeScoped: true,
  usage: '/status [workstream or action]',
  summary:
    'Counts by rating for every workstream; add a workstream code (/status A) for its most pressing actions (/status A all for every one), or an action reference (/status C2) for its detail.',
  readAhead({ turn, args, deps }, programmeId) {
    readEarly.set(turn, deps.status.readAhead(programmeId, args[0]));
  },
  async handle({ turn, args, deps }) {
    const programme = await programmeOfTurn(turn);
    if (!programme) return noProgrammeCard();
    const today = todayFor(programme, deps.clock);
    const word = args[0];
    const early = readEarly.get(turn);
    if (word === undefined) {
      return renderProgrammeStatusCard(await deps.status.programme(programme, today, early));
    }
    const found = await deps.status.lookUp(programme, word, today, early);
    if (!found.ok) {
      return notFoundCard(
        'a workstream or action called',
        word,
        found.suggestions,
        (s) => `/status ${s}`,
      );
    }
    if (found.kind === 'action') {
      const detail = found.value;
      const { requests, ticks } = detail.governance;
      const seen = revisionView(detail.action, requests);
      const [measures, names] = await Promise.all([
        deps.measures.standings(programme, [detail.action], { ref: detail.action.ref }),
        deps.names.titles(programme.id),
      ]);
      return renderActionDetailCard({
        ...detail,
        action: {
          ...detail.action,
          revisedDue: seen.action.revisedDue,
          proposedDue: seen.action.proposedDue,
        },
        revision: seen.summary,
        waiting: seen.requests.find((r) => r.decision === null) ?? null,
        steps: stepProgress(detail.action, ticks, today),
        measures: measures.map(measureLine),
        names,
      });
    }
    const { workstream, actions, counts } = found.value;
    const [measures, names] = await Promise.all([
      deps.measures.standings(
        programme,
        actions.map((a) => ({ ref: a.ref, workstream: workstream.code })),
        { workstream: workstream.code },
      ),
      deps.names.titles(programme.id),
    ]);
    const view = {
      title: `${workstream.code} · ${workstream.name}`,
      subtitle: `${programme.name} · as at ${formatDate(today)} · ${actions.length} actions · led by ${names.role(workstream.leadRole)}`,
      counts,
      measures: measures.map(measureLine),
      names,
      empty: 'This workstream has no actions yet.',
      hint: 'Type /status and an action reference for its steps and notes.',
    };
    // A glance unless the whole list was asked for: a phone's screenful, the most pressing,
    // as many of them as the message budget allows.
    if (args[1]?.toLowerCase() !== WHOLE_LIST && actions.length > GLANCE_LINES) {
      const pressing = glanceOf(actions);
      const whole = {
        title: `Show all ${actions.length} actions`,
        command: `/status ${workstream.code} ${WHOLE_LIST}`,
      };
      return {
        kind: 'list',
        total: GLANCE_LINES,
        render: (shown) =>
          renderActionListCard({
            ...view,
            actions: shown === pressing.length ? pressing : pressing.slice(0, shown),
            listNote:
              shown === 0
                ? ''
                : `The ${shown} most pressing of ${actions.length}: Red first, then overdue, Amber and not yet rated.`,
            whole,
          }),
      } satisfies ListReply;
    }
    const elsewhere = {
      where: `the Dashboard tab lists them all (filter by workstream ${workstream.code}), and so does the full report`,
      url: reportUrlOf(deps, programme, today, workstream.code),
    };
    return listReply(actions, elsewhere, (shown, more) =>
      renderActionListCard({ ...view, actions: shown, ...(more ? { more } : {}) }),
    );
  },
};
