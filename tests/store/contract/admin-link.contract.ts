import { describe, expect, it } from 'vitest';
import type { AdminRepository } from '../../../src/store/admin.repository.js';
import type { LinkRepository } from '../../../src/store/link.repository.js';

export type AdminLinkFactory = () => Promise<{
  readonly admins: AdminRepository;
  readonly links: LinkRepository;
}>;

const at = '2026-01-05T09:00:00.000Z';

/** What the admin and link stores promise; run against the memory fake and Azure Tables. */
export function adminLinkContract(create: AdminLinkFactory): void {
  describe('admin repository', () => {
    it('adds an admin once, finds them in any case, lists and removes them', async () => {
      const { admins } = await create();
      expect(
        await admins.add({ id: 'Colleague@Council.example', addedBy: 'terminal:ops', addedAt: at }),
      ).toBe(true);
      expect(
        await admins.add({ id: 'colleague@council.example', addedBy: 'someone', addedAt: at }),
      ).toBe(false);
      expect(await admins.get('COLLEAGUE@council.example')).toEqual({
        id: 'colleague@council.example',
        addedBy: 'terminal:ops',
        addedAt: at,
      });
      expect((await admins.list()).map((admin) => admin.id)).toEqual(['colleague@council.example']);
      expect(await admins.remove('colleague@council.example')).toBe(true);
      expect(await admins.remove('colleague@council.example')).toBe(false);
      expect(await admins.get('colleague@council.example')).toBeNull();
    });
  });

  describe('link repository', () => {
    // Teams channel ids hold characters Azure refuses in keys, so the key must be encoded.
    const channel = '19:a/b#c?d@thread.tacv2;messageid=1';

    it('keeps one link per conversation, replaced when linked again', async () => {
      const { links } = await create();
      await links.save({
        conversationKey: channel,
        programmeId: 'wsoa',
        board: false,
        linkedBy: 'a',
        linkedAt: at,
      });
      await links.save({
        conversationKey: channel,
        programmeId: 'wsoa',
        board: true,
        linkedBy: 'b',
        linkedAt: at,
      });
      expect(await links.get(channel)).toEqual({
        conversationKey: channel,
        programmeId: 'wsoa',
        board: true,
        linkedBy: 'b',
        linkedAt: at,
      });
      expect(await links.get('19:other@thread.tacv2')).toBeNull();
    });

    it('lists only the board conversations of the programme asked for', async () => {
      const { links } = await create();
      const link = (conversationKey: string, programmeId: string, board: boolean) =>
        links.save({ conversationKey, programmeId, board, linkedBy: 'a', linkedAt: at });
      await link(channel, 'wsoa', true);
      await link('19:chat@thread.v2', 'wsoa', false);
      await link('19:send@thread.tacv2', 'send', true);
      expect((await links.listBoard('WSOA')).map((l) => l.conversationKey)).toEqual([channel]);
    });

    it('removes a link, and says when there was none', async () => {
      const { links } = await create();
      await links.save({
        conversationKey: channel,
        programmeId: 'wsoa',
        board: true,
        linkedBy: 'a',
        linkedAt: at,
      });
      expect(await links.remove(channel)).toBe(true);
      expect(await links.remove(channel)).toBe(false);
      expect(await links.listBoard('wsoa')).toEqual([]);
    });
  });
}
