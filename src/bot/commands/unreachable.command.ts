import type { DeliveryReport } from '../../app/admin/delivery-report.use-case.js';
import { renderMessageCard } from '../../cards/message.card.js';
import type { Person } from '../../domain/people.js';
import type { Command } from './command.js';

const REASON = {
  'not-installed': 'has not installed the app, so the bot cannot start a chat with them',
  blocked: 'blocked or removed the bot (Teams refused the message)',
} as const;

/** A person's line; the permission is named once above, so it is not repeated here. */
function personLine(person: Person): string {
  const { unreachable } = person;
  if (!unreachable) return person.email;
  const since = `(since ${unreachable.since.slice(0, 10)})`;
  if (unreachable.permission) {
    return `${person.email} has not opened the app and waits on that permission ${since}.`;
  }
  return `${person.email}: ${unreachable.detail ?? REASON[unreachable.reason]} ${since}`;
}

function permissionLines(report: DeliveryReport): string[] {
  return report.missingPermissions.map(
    (permission) =>
      `Proactive install is refused: a Microsoft Entra admin must grant the Microsoft Graph application permission ${permission} and give admin consent (docs/deploy.md, step 7). Until then people who never opened the app cannot be reached.`,
  );
}

function failedLines(report: DeliveryReport): string[] {
  if (report.failedTotal === 0) return [];
  const more = report.failedTotal - report.failed.length;
  return [
    `${report.failedTotal} ${report.failedTotal === 1 ? 'message' : 'messages'} will not be sent again:`,
    ...report.failed.map(
      (m) => `${m.kind} for ${m.recipient} (${m.periodId}), ${m.at.slice(0, 10)}: ${m.reason}`,
    ),
    ...(more > 0 ? [`and ${more} more.`] : []),
  ];
}

/** For admins: who the scheduler could not reach, what failed for good, and why. */
export const unreachableCommand: Command = {
  name: 'unreachable',
  usage: '/unreachable',
  summary: 'People the bot could not send prompts to, messages that failed, and why.',
  adminOnly: true,
  async handle({ deps }) {
    const report = await deps.deliveryReport.report();
    const people = report.unreachable;
    if (people.length === 0 && report.failedTotal === 0) {
      return renderMessageCard({
        title: 'Everyone can be reached',
        lines: ['Every message so far reached its recipient or is still being tried.'],
      });
    }
    const title =
      people.length > 0
        ? `${people.length} ${people.length === 1 ? 'person' : 'people'} could not be reached`
        : `${report.failedTotal} ${report.failedTotal === 1 ? 'message' : 'messages'} failed`;
    return renderMessageCard({
      title,
      lines: [
        ...permissionLines(report),
        ...people.map(personLine),
        ...failedLines(report),
        ...(people.length > 0
          ? [
              'Ask them to install Action Tracker in Teams (or unblock it); the next prompt then reaches them.',
            ]
          : []),
      ],
    });
  },
};
