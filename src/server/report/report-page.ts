import { NO_NAMES, type PeopleNames } from '../../domain/people-names.js';
import type { FullReport, ReportWorkstream } from '../../app/digest/report.use-case.js';
import { localDateOf } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates.js';
import { RATING_ORDER } from '../../domain/rating.js';
import type { DigestData } from '../../domain/digest.js';
import { ONGOING } from '../../domain/local-date.js';
import type { DueDate } from '../../domain/local-date.js';
import { drawDigestChart } from '../../render/chart/digest-chart.js';
import { Html, markup } from './html.js';
import { measuresSection } from './report-measures.js';
import { ratingClass, REPORT_CSS } from './report-style.js';

/**
 * The full report as one printable, accessible HTML page: real tables with captions and
 * header cells, every rating as a word, one section per workstream.
 */
export function renderReportPage(report: FullReport): string {
  const { programme, period, digest } = report;
  const names = report.names ?? NO_NAMES;
  const chart = drawDigestChart(report.chart);
  const board = period.boardMeeting ? `; board meets ${formatDate(period.boardMeeting)}` : '';
  const links = report.workstreams.map(
    ({ workstream: w }) => markup`<a href="#workstream-${w.code}">${w.code} ${w.name}</a>`,
  );
  const page = markup`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${programme.name}: full report, ${period.id}</title>
<style>${new Html(REPORT_CSS)}</style>
</head>
<body>
<header>
<h1>${programme.name}: full report</h1>
<p class="subtle">Period ${period.id}: closes ${formatDate(period.closes)}${board}. Made on ${formatDate(report.today)}.</p>
<nav class="no-print" aria-label="Workstreams"><p>Workstreams: ${joinHtml(links)}</p></nav>
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
${countsTable(digest)}
<img class="chart" src="${chart.dataUri}" width="${chart.width}" height="${chart.height}" alt="${chart.altText}">
${movedList(digest, 'improved')}
${movedList(digest, 'worsened')}
${overdueList(digest, names)}
${notReportedList(digest, names)}
${warningsList(report)}
</section>
${measuresSection(report.measures, period.id)}
${report.workstreams.map((w) => workstreamSection(report, w))}
</main>
</body>
</html>
`;
  return page.text;
}

function joinHtml(parts: readonly Html[]): Html {
  return new Html(parts.map((p) => p.text).join(', '));
}

function countsTable(digest: DigestData): Html {
  const previous = digest.previousPeriod;
  const before = digest.previousCounts;
  const caption = previous
    ? `Actions by rating in ${digest.period.id}, with ${previous.id} beside them`
    : `Actions by rating in ${digest.period.id}`;
  const rows = RATING_ORDER.map(
    (r) =>
      markup`<tr><th scope="row" class="rating ${ratingClass(r)}">${r}</th><td>${digest.counts[r]}</td>${before ? markup`<td>${before[r]}</td>` : ''}</tr>`,
  );
  return markup`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">Rating</th><th scope="col">${digest.period.id}</th>${previous ? markup`<th scope="col">${previous.id}</th>` : ''}</tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function list(heading: string, empty: string, items: readonly Html[]): Html {
  const body =
    items.length === 0 ? markup`<p>${empty}</p>` : markup`<ul class="items">${items}</ul>`;
  return markup`<h3>${heading} (${items.length})</h3>${body}`;
}

function movedList(digest: DigestData, direction: 'improved' | 'worsened'): Html {
  const moves = digest.moved.filter((m) => m.direction === direction);
  return list(
    direction === 'improved' ? 'Improved' : 'Worsened',
    `No action ${direction} since the last period.`,
    moves.map((m) => markup`<li>${m.ref} ${direction} from ${m.from} to ${m.to}: ${m.title}</li>`),
  );
}

function overdueList(digest: DigestData, names: PeopleNames): Html {
  const items = digest.overdue.map(
    (o) =>
      markup`<li>${o.ref}, due ${formatDate(o.due)}, ${o.rating}, owner ${names.role(o.ownerRole)}: ${o.title}</li>`,
  );
  return list('Overdue', 'Nothing is overdue.', items);
}

function notReportedList(digest: DigestData, names: PeopleNames): Html {
  const byRole = new Map<string, { person: string | null; refs: string[] }>();
  for (const item of digest.notReported) {
    const entry = byRole.get(item.ownerRole) ?? { person: item.person, refs: [] };
    entry.refs.push(item.ref);
    byRole.set(item.ownerRole, entry);
  }
  const items = [...byRole].map(
    ([role, { person, refs }]) =>
      markup`<li>${names.role(role)}${person === null ? ' (nobody assigned)' : ''}: ${refs.join(', ')}</li>`,
  );
  return list('Not yet reported', 'Every action has been rated this period.', items);
}

function warningsList(report: FullReport): Html {
  const items = report.digest.warnings.map((w) =>
    w.kind === 'unreachable'
      ? markup`<li>Could not be reached: ${w.message}</li>`
      : markup`<li>${w.kind === 'false-green' ? 'False green' : 'Rolled over'}, ${w.ref}: ${w.message}</li>`,
  );
  // A measure off its line under all-Green actions is a false green the figures show.
  for (const w of report.measures?.warnings ?? []) {
    items.push(markup`<li>False green, measure ${w.message}</li>`);
  }
  return list('Warnings', 'No warnings.', items);
}

function dueText(due: DueDate | null, revised: DueDate | null): string {
  const text = (d: DueDate | null) =>
    d === null ? 'No date' : d === ONGOING ? ONGOING : formatDate(d);
  return revised === null ? text(due) : `${text(revised)} (revised from ${text(due)})`;
}

function workstreamSection(report: FullReport, part: ReportWorkstream): Html {
  const { workstream: w, rows } = part;
  const names = report.names ?? NO_NAMES;
  const refs = new Set(rows.map((r) => r.action.ref));
  const notes = report.digest.notes.filter((n) => refs.has(n.ref));
  const zone = report.programme.timeZone;
  const headers = report.periods.map((p) => markup`<th scope="col">${p.id}</th>`);
  const body = rows.map(({ action: a, ratings }) => {
    const cells = ratings.map((r) => markup`<td class="rating ${ratingClass(r)}">${r}</td>`);
    return markup`<tr><th scope="row">${a.ref}</th><td>${a.title}</td><td>${names.role(a.ownerRole)}</td><td>${dueText(a.due, a.revisedDue)}</td>${cells}</tr>`;
  });
  const noteItems = notes.map((n) => {
    const day = formatDate(localDateOf(new Date(n.at), zone));
    const by = n.by === 'import' ? 'from the imported plan' : `by ${names.person(n.by)}`;
    return markup`<p><strong>${n.ref}, ${n.rating}, ${day}, ${by}</strong></p><blockquote>${n.note}</blockquote>`;
  });
  return markup`<section class="workstream" id="workstream-${w.code}" aria-labelledby="heading-${w.code}">
<h2 id="heading-${w.code}">Workstream ${w.code}: ${w.name}</h2>
<p>Led by ${w.leadRole}. ${w.aim}</p>
<div class="grid-wrap" tabindex="0" role="region" aria-label="Workstream ${w.code} grid, scrolls sideways">
<table>
<caption>Workstream ${w.code}: each action's rating by period</caption>
<thead><tr><th scope="col">Ref</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th>${headers}</tr></thead>
<tbody>${body}</tbody>
</table>
</div>
<h3>Owners' notes for ${report.period.id}, newest first (${notes.length})</h3>
${notes.length === 0 ? markup`<p>No notes this period.</p>` : noteItems}
</section>
`;
}
