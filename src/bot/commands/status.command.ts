import { todayFor } from '../../app/reporting-day.js';
import { revisionView } from '../../app/governance/revision.use-case.js';
import { formatDate } from '../../domain/dates.js';
import { stepProgress } from '../../domain/step-completion.js';
import { renderActionDetailCard } from '../../cards/action-detail.card.js';
import { renderActionListCard } from '../../cards/action-list.card.js';
import { measureLine } from '../../cards/measure-view.js';
import { renderProgrammeStatusCard } from '../../cards/programme-status.card.js';
import { listReply } from '../list-reply.js';
import { noProgrammeCard, notFoundCard, reportUrlOf } from '../replies.js';
import { programmeOfTurn, type Turn } from '../turn.js';
import type { StatusReadAhead } from '../../app/status.use-case.js';
import type { Command } from './command.js';

/** What `/status` began to read for its turn before the programme was settled. */
const readEarly = new WeakMap<Turn, StatusReadAhead>();

export const statusCommand: Command = {
  name: 'status',
  programmeScoped: true,
  usage: '/status [workstream or action]',
  summary:
    'Counts by rating for every workstream; add a workstream code (/status A) for its actions, or an action reference (/status C2) for its detail.',
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
    const elsewhere = {
      where: `the Dashboard tab lists them all (filter by workstream ${workstream.code}), and so does the full report`,
      url: reportUrlOf(deps, programme, today, workstream.code),
    };
    return listReply(actions, elsewhere, (shown, more) =>
      renderActionListCard({
        title: `${workstream.code} · ${workstream.name}`,
        subtitle: `${programme.name} · as at ${formatDate(today)} · ${actions.length} actions · led by ${names.role(workstream.leadRole)}`,
        counts,
        actions: shown,
        measures: measures.map(measureLine),
        names,
        empty: 'This workstream has no actions yet.',
        hint: 'Type /status and an action reference for its steps and notes.',
        ...(more ? { more } : {}),
      }),
    );
  },
};
