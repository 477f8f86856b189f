import { describe, expect, it } from 'vitest';
import { parseChannelLink } from '../../../src/app/admin/channel-link.js';

const TEAM = 'fbe2bf47-16c8-47cf-b4a5-4b9b187c508b';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** As "Get link to channel" copies it (the shape Microsoft's deep-link article documents). */
const LINK = `https://teams.microsoft.com/l/channel/19%3a4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/SEND%20Board?groupId=${TEAM}&tenantId=${TENANT}`;

describe('reading a pasted channel link', () => {
  it('finds the channel, its team and its organisation', () => {
    expect(parseChannelLink(LINK)).toEqual({
      ok: true,
      channel: {
        channelId: '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2',
        teamId: TEAM,
        tenantId: TENANT,
        name: 'SEND Board',
      },
    });
  });

  it('reads it from the HTML anchor Teams may send a pasted link as', () => {
    const anchor = `<a href="${LINK.replace('&', '&amp;')}">${LINK.replace('&', '&amp;')}</a>`;
    expect(parseChannelLink(anchor)).toMatchObject({ ok: true, channel: { teamId: TEAM } });
  });

  it('takes a link that lost its https:// on the way', () => {
    expect(parseChannelLink(LINK.replace('https://', ''))).toMatchObject({ ok: true });
  });

  it('tells a team link, a message link and a cut-short link from a channel link', () => {
    const problem = (text: string) => {
      const result = parseChannelLink(text);
      return result.ok ? null : result.problem;
    };
    expect(problem('board channel')).toBe('not-a-link');
    expect(problem('https://example.org/l/channel/x')).toBe('not-teams');
    expect(problem(LINK.replace('/l/channel/', '/l/team/'))).toBe('team-link');
    expect(problem(LINK.replace('/l/channel/', '/l/message/'))).toBe('message-link');
    expect(problem('https://teams.microsoft.com/l/chat/0/0?users=a@b.example')).toBe(
      'other-teams-link',
    );
    expect(problem(LINK.split('&tenantId')[0]!)).toBe('incomplete');
    expect(problem(LINK.replace('%40thread', '%4'))).toBe('incomplete');
  });
});
