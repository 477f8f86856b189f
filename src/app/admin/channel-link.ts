/**
 * A channel as Teams names it in the link "Get link to channel" copies:
 * `https://teams.microsoft.com/l/channel/<channel id, URL-encoded>/<name>?groupId=<team>&tenantId=<tenant>`
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-teams).
 */
export interface TeamChannel {
  /** The channel's conversation id, `19:…@thread.tacv2` (older teams: `@thread.skype`). */
  readonly channelId: string;
  /** The team's Microsoft 365 group id, which Graph takes as the team's id. */
  readonly teamId: string;
  readonly tenantId: string;
  /** The channel's name as the link spells it. */
  readonly name: string;
}

/** Why a pasted text is not a channel link, in the terms the reply explains. */
export type ChannelLinkProblem =
  /** No web address at all. */
  | 'not-a-link'
  /** A web address, but not to Microsoft Teams. */
  | 'not-teams'
  /** A link to a whole team ("Get link to team"). */
  | 'team-link'
  /** A link to one message in a channel ("Copy link" on a post). */
  | 'message-link'
  /** A Teams link to something else: a chat, a meeting, a file. */
  | 'other-teams-link'
  /** A channel link without its team or tenant, or with an id Teams does not make: cut short. */
  | 'incomplete';

export type ChannelLinkResult =
  | { readonly ok: true; readonly channel: TeamChannel }
  | { readonly ok: false; readonly problem: ChannelLinkProblem };

const TEAMS_HOSTS = ['teams.microsoft.com', 'teams.cloud.microsoft', 'teams.microsoft.us'];
const CHANNEL_ID = /^19:[^\s/@]+@thread\.(tacv2|skype)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Teams may hand a pasted link over as an HTML anchor, with `&amp;` between its parameters;
 * a link copied from the address bar may have lost its `https://`.
 */
function addressIn(text: string): string | null {
  const href = /href\s*=\s*["']([^"']+)["']/i.exec(text)?.[1];
  const bare = /https?:\/\/[^\s"'<>]+/i.exec(text)?.[0];
  const hostFirst =
    /(?:^|\s)((?:[\w-]+\.)*teams\.(?:microsoft\.com|cloud\.microsoft|microsoft\.us)\/[^\s"'<>]*)/i.exec(
      text,
    )?.[1];
  const address = href ?? bare ?? (hostFirst === undefined ? undefined : `https://${hostFirst}`);
  return address === undefined ? null : address.replace(/&amp;/gi, '&');
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape (a link cut off mid-way) is a link that is not whole.
    return null;
  }
}

const isTeamsHost = (host: string): boolean =>
  TEAMS_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));

/** Reads the channel a pasted "Get link to channel" link names. */
export function parseChannelLink(text: string): ChannelLinkResult {
  const fail = (problem: ChannelLinkProblem): ChannelLinkResult => ({ ok: false, problem });
  const address = addressIn(text);
  if (address === null) return fail('not-a-link');
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return fail('not-a-link');
  }
  if (!isTeamsHost(url.hostname.toLowerCase())) return fail('not-teams');
  const [l, kind, id = '', name = ''] = url.pathname.split('/').filter((part) => part !== '');
  if (l !== 'l') return fail('other-teams-link');
  if (kind === 'team') return fail('team-link');
  if (kind === 'message') return fail('message-link');
  if (kind !== 'channel') return fail('other-teams-link');
  const channelId = decoded(id);
  const teamId = url.searchParams.get('groupId') ?? '';
  const tenantId = url.searchParams.get('tenantId') ?? '';
  if (channelId === null || !CHANNEL_ID.test(channelId)) return fail('incomplete');
  if (!GUID.test(teamId) || !GUID.test(tenantId)) return fail('incomplete');
  return {
    ok: true,
    channel: {
      channelId,
      teamId: teamId.toLowerCase(),
      tenantId: tenantId.toLowerCase(),
      name: decoded(name) ?? name,
    },
  };
}
