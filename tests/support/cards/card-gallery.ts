import { readdirSync } from 'node:fs';
import { chartDataOf } from '../../../src/app/digest/chart-data.js';
import type { BuiltDigest } from '../../../src/app/digest/build-digest.js';
import { createDigestUseCase } from '../../../src/app/digest/digest.use-case.js';
import { loadProgrammeSnapshot } from '../../../src/app/digest/programme-snapshot.js';
import { digestMessageOf } from '../../../src/bot/digest-message.js';
import { parsePlan } from '../../../src/app/import/parse-plan.js';
import { readCsvFolder } from '../../../src/app/import/read-csv.js';
import { listMyActions } from '../../../src/app/mine.use-case.js';
import { listOverdueActions } from '../../../src/app/overdue.use-case.js';
import type { MessageView, PromptSectionView } from '../../../src/app/prompt/message-view.js';
import { getProgrammeStatus, lookUpStatus } from '../../../src/app/status.use-case.js';
import { commands } from '../../../src/bot/commands/index.js';
import { previewCard, problemsCard } from '../../../src/bot/import/import-cards.js';
import { renderActionDetailCard } from '../../../src/cards/action-detail.card.js';
import { mostPressingFirst } from '../../../src/app/action-line.js';
import { renderActionListCard } from '../../../src/cards/action-list.card.js';
import { renderErrorCard } from '../../../src/cards/error.card.js';
import { renderEscalationCard } from '../../../src/cards/escalation.card.js';
import { renderHelpCard } from '../../../src/cards/help.card.js';
import { renderMessageCard } from '../../../src/cards/message.card.js';
import { renderMineCard } from '../../../src/cards/mine.card.js';
import { renderProgrammeChoiceCard } from '../../../src/cards/programme-choice.card.js';
import { renderProgrammeStatusCard } from '../../../src/cards/programme-status.card.js';
import { renderPromptCard } from '../../../src/cards/prompt.card.js';
import { renderReceiptCard } from '../../../src/cards/receipt.card.js';
import { renderRefusalCard } from '../../../src/cards/refusal.card.js';
import type { RenderedCard } from '../../../src/cards/render-template.js';
import { renderUpdateFormCard } from '../../../src/cards/update-form.card.js';
import { effectiveDue, type Action } from '../../../src/domain/action.js';
import { formatDate } from '../../../src/domain/dates.js';
import { NOT_RATED } from '../../../src/domain/rating.js';
import { writeChartSvg } from '../../../src/render/chart/chart-svg.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { ADMIN, importHarness } from '../../app/import/import-harness.js';
import { PLAN_WORKBOOKS } from '../../app/import/plan-workbooks.js';
import { loadSamplePlan, type SamplePlan } from '../sample-plan.js';
import { governanceCards } from './governance-gallery.js';
import { measureLine, type MeasureLine } from '../../../src/cards/measure-view.js';
import { measureProgress } from '../../../src/domain/measure-progress.js';
import { governedSample } from '../../app/digest/governed-sample.js';
import { sampleWithTargets } from '../../app/digest/sample-with-targets.js';
import type { Store } from '../../../src/store/store.js';

/** One card as the bot sends it, drawn from the sample plan. */
export interface GalleryCard {
  /** The template's file name under `cards/`, without `.json`. */
  readonly template: string;
  /** Which use of the template, when it has several ("problems", "stale"). */
  readonly variant: string | null;
  readonly card: RenderedCard;
  /** For a card with a chart: its smallest label, in the chart image's own pixels. */
  readonly chartLabelPx?: number;
}

/** Every template the bot has, from the `cards/` folder itself. */
export function cardTemplateNames(): string[] {
  return readdirSync(new URL('../../../cards/', import.meta.url))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** "As at 12 Apr 2021": the day the issue's screenshots were taken, in the Apr 2021 period. */
export const GALLERY_TODAY = '2021-04-12';
const APR_2021 = { id: 'Apr 2021', closes: '2021-04-23' };

/**
 * Every card template the bot sends, built the way the bot builds it: the use cases on the
 * sample plan in the memory store, then the project's own card functions.
 */
export async function buildCardGallery(): Promise<GalleryCard[]> {
  const plan = loadSamplePlan();
  const store = createMemoryStore();
  await store.plans.replace({ ...plan, ratings: plan.updates });
  for (const person of plan.people) await store.people.save(person);
  const { programme } = plan;
  const today = GALLERY_TODAY;
  const cards: GalleryCard[] = [];
  const add = (template: string, variant: string | null, card: RenderedCard) =>
    cards.push({ template, variant, card });

  add('help', null, renderHelpCard({ commands }));
  add(
    'message',
    null,
    renderMessageCard({
      title: 'I do not know who you are yet',
      lines: [
        'Teams did not tell me your email address, so I cannot match you to a role.',
        'Try again in a minute; if it keeps happening, ask your programme admin.',
      ],
    }),
  );
  add(
    'programme-status',
    null,
    renderProgrammeStatusCard(await getProgrammeStatus(store, programme, today)),
  );

  const workstream = await lookUpStatus(store, programme, 'A', today);
  if (!workstream.ok || workstream.kind !== 'workstream') throw new Error('No workstream A.');
  const { value: a } = workstream;
  const aView = {
    title: `${a.workstream.code} · ${a.workstream.name}`,
    subtitle: `${programme.name} · as at ${formatDate(today)} · ${a.actions.length} actions · lead ${a.workstream.leadRole}`,
    counts: a.counts,
    empty: 'This workstream has no actions yet.',
    hint: 'Type /status and an action reference for its steps and notes.',
  };
  add(
    'action-list',
    'workstream',
    renderActionListCard({
      ...aView,
      actions: a.actions,
      measures: await measuresWithTargets(),
    }),
  );
  // A glance, as `/status A` shows a workstream longer than a phone's screenful.
  const pressing = mostPressingFirst(a.actions).slice(0, 3);
  add(
    'action-list',
    'workstream-glance',
    renderActionListCard({
      ...aView,
      actions: pressing,
      listNote: `The ${pressing.length} most pressing of ${a.actions.length}: Red first, then overdue, Amber and not yet rated.`,
      whole: { title: `Show all ${a.actions.length} actions`, command: '/status A all' },
    }),
  );
  const mine = await listMyActions(store, programme, 'slsesend@council.example', today);
  add(
    'mine',
    null,
    renderMineCard({
      mine,
      subtitle: `${programme.name} · your roles: ${mine.roles.map((r) => (r.as === 'deputy' ? `${r.code} (deputy)` : r.code)).join(', ')}`,
      empty: 'Your roles own no actions.',
    }),
  );
  const overdue = await listOverdueActions(store, programme, today);
  add(
    'action-list',
    'overdue',
    renderActionListCard({
      title: `Overdue: ${overdue.actions.length} actions`,
      subtitle: `${programme.name} · as at ${formatDate(today)}`,
      actions: overdue.actions,
      empty: 'Nothing is overdue.',
      hint: 'Type /status and an action reference for its steps and notes.',
    }),
  );

  const c2 = await lookUpStatus(store, programme, 'C2', today);
  if (!c2.ok || c2.kind !== 'action') throw new Error('No action C2.');
  add(
    'action-detail',
    null,
    renderActionDetailCard({ ...c2.value, measures: await measuresWithTargets() }),
  );

  const a2 = actionOf(plan, 'A2');
  add('update-form', null, renderUpdateFormCard({ action: a2, etag: 'W/"1"', period: APR_2021 }));
  add(
    'update-form',
    'problems',
    renderUpdateFormCard({
      action: {
        ...a2,
        current: a2.current && { ...a2.current, periodId: 'Apr 2021', by: 'ades@council.example' },
      },
      etag: 'W/"2"',
      period: APR_2021,
      input: { rating: 'Red', note: '', evidence: '', proposedDue: '2021-09-30' },
      problems: [
        { field: 'note', message: 'Red needs a note: say what is late and what is being done.' },
      ],
      stale: true,
    }),
  );
  add(
    'receipt',
    null,
    renderReceiptCard({
      update: {
        programmeId: programme.id,
        ref: 'A2',
        periodId: 'Apr 2021',
        rating: 'Amber',
        note: 'c) to f) still delayed by COVID restrictions; the post-16 panel restarts in May.',
        evidence: null,
        proposedDue: '2021-09-30',
      },
      time: '10:42',
      date: today,
      period: APR_2021,
      canChange: true,
    }),
  );
  add(
    'refusal',
    null,
    renderRefusalCard({
      title: 'You cannot update A2',
      lines: [
        'A2 belongs to ADES (Assistant Director Education and Skills). Only its owner, their deputy or a programme admin can update it.',
        'If it should be yours, ask your programme admin to assign you the role.',
      ],
    }),
  );
  add('error', null, renderErrorCard({ reference: 'f3a9c2d1-7b4e-4c1a-9a55-2d7e0c6b1f08' }));

  const digest = await createDigestUseCase({
    ...store,
    clock: { now: () => new Date('2021-01-25T09:00:00Z') },
    publicBaseUrl: null,
  }).build({ programmeId: programme.id, periodId: 'Jan 2021' });
  if (!digest.ok) throw new Error(`No digest: ${digest.code}`);
  const snapshot = await loadProgrammeSnapshot(store, programme.id);
  if (!snapshot) throw new Error('No snapshot of the sample.');
  const chartSvg = writeChartSvg(chartDataOf({ ...snapshot, periodId: 'Jan 2021' })).svg;
  const fontSizes = [...chartSvg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  cards.push({
    template: 'digest',
    variant: null,
    card: digestMessageOf(digest.value).card,
    chartLabelPx: Math.min(...fontSizes),
  });

  for (const [variant, world] of await digestWorlds()) {
    add('digest', variant, digestMessageOf(world).card);
  }

  add('prompt', null, renderPromptCard(promptView(plan, 'prompt')));
  add('escalation', null, renderEscalationCard(promptView(plan, 'escalation')));

  const { importer } = importHarness();
  const preview = await importer.preview({
    actor: ADMIN,
    workbook: await readCsvFolder(`${PLAN_WORKBOOKS}/sample`),
    programmeId: 'thurrock-wsoa',
  });
  if (!preview.ok) throw new Error(`No import preview: ${preview.code}`);
  add('import-preview', null, previewCard('Thurrock WSoA.xlsx', preview.value, 'import-1'));
  const broken = parsePlan(await readCsvFolder(`${PLAN_WORKBOOKS}/broken/many-problems`), {
    id: 'wsoa',
    name: programme.name,
  });
  if (broken.ok) throw new Error('The many-problems workbook has no problems.');
  add('import-preview', 'problems', problemsCard('Thurrock WSoA.xlsx', broken.problems));

  add(
    'programme-choice',
    null,
    renderProgrammeChoiceCard({
      title: 'Which programme?',
      lines: [
        'You have a part in 2 programmes. Choose one, or type its id before what you asked, such as /status wsoa:A.',
      ],
      choices: [
        { id: 'wsoa', name: programme.name, command: '/status wsoa:A' },
        {
          id: 'send-strategy',
          name: 'Thurrock Local Area SEND Strategy 2021–24',
          command: '/status send-strategy:A',
        },
      ],
    }),
  );
  for (const { template, variant, card } of governanceCards(plan, today)) {
    add(template, variant, card);
  }
  return cards;
}

/**
 * The Jan 2021 digest with governance (revisions, a request waiting, ticked steps, one
 * workstream signed off with a query) and with the sample's measures against targets.
 */
export async function digestWorlds(): Promise<[string, BuiltDigest][]> {
  const clock = { now: () => new Date('2021-01-25T09:00:00Z') };
  const measured = createMemoryStore();
  await sampleWithTargets(measured);
  const worlds: [string, Store][] = [
    ['governance', await governedSample(true)],
    ['measures', measured],
  ];
  const built: [string, BuiltDigest][] = [];
  for (const [name, store] of worlds) {
    const digest = await createDigestUseCase({ ...store, clock, publicBaseUrl: null }).build({
      programmeId: 'wsoa',
      periodId: 'Jan 2021',
    });
    if (!digest.ok) throw new Error(`No ${name} digest: ${digest.code}`);
    built.push([name, digest.value]);
  }
  return built;
}

/** The sample's measures with targets added: one on track, one off, two with none. */
async function measuresWithTargets(): Promise<MeasureLine[]> {
  const store = createMemoryStore();
  await sampleWithTargets(store);
  const programme = await store.programmes.get('wsoa');
  if (!programme) throw new Error('No sample programme.');
  const history = await store.measures.history('wsoa');
  return (await store.measures.list('wsoa')).map((measure) =>
    measureLine({ measure, progress: measureProgress(measure, programme.periods, history) }),
  );
}

function actionOf(plan: SamplePlan, ref: string): Action {
  const action = plan.actions.find((a) => a.ref === ref);
  if (!action) throw new Error(`The sample has no action ${ref}.`);
  return action;
}

/**
 * The Apr 2021 prompt to slsesend@council.example: the actions of their own role and, while
 * the Assistant Director is away, those of ADES they deputise for (Blue ones are done). The
 * escalation is the missing list for workstream B's lead.
 */
function promptView(plan: SamplePlan, kind: 'prompt' | 'escalation'): MessageView {
  const section = (role: string, onBehalfOf: string | null): PromptSectionView => ({
    role,
    onBehalfOf,
    actions: plan.actions
      // Blue actions are not prompted again; a lead is told of workstream B's missing ones.
      .filter((a) => a.ownerRole === role && a.current?.rating !== 'Blue')
      .filter((a) => kind === 'prompt' || a.workstream === 'B')
      .map((a) => ({
        ref: a.ref,
        title: a.title,
        rating: a.current?.rating ?? NOT_RATED,
        answered: false,
        due: effectiveDue(a),
        // The first step ticked done, so the card shows a tick with its date.
        steps: a.steps.map((s, i) => {
          const due = effectiveDue(s);
          return {
            letter: s.letter,
            title: s.title,
            due,
            doneOn: i === 0 ? '2021-03-30' : null,
            late: i !== 0 && due !== null && due !== 'Ongoing' && due < GALLERY_TODAY,
          };
        }),
      })),
  });
  const sections =
    kind === 'prompt'
      ? [
          section('SLSESEND', null),
          section('ADES', 'Alex Ades, Assistant Director Education and Skills'),
        ]
      : [section('SLSESEND', null), section('SLSPPEP', null)];
  const holders = new Map(plan.roles.map((r) => [r.code, r.person]));
  return {
    kind,
    programmeId: plan.programme.id,
    programmeName: plan.programme.name,
    periodId: APR_2021.id,
    closes: APR_2021.closes,
    sections,
    owners: Object.fromEntries(plan.actions.map((a) => [a.ref, holders.get(a.ownerRole) ?? null])),
    measures:
      kind === 'prompt'
        ? plan.measures
            .filter((m) => m.reportedBy === 'ADES' || m.reportedBy === 'SLSESEND')
            .map((m) => {
              const last = plan.measureValues.filter((v) => v.code === m.code).at(-1);
              return {
                code: m.code,
                name: m.name,
                unit: m.unit,
                last: last ? { value: last.value, periodId: last.periodId } : null,
                given: false,
              };
            })
        : [],
  };
}
