import { describe, expect, it } from 'vitest';
import type {
  PendingImport,
  PendingImportRepository,
} from '../../../src/store/pending-import.repository.js';

const pending: PendingImport = {
  id: 'f3c1a2b4-0000-4000-8000-000000000001',
  fileName: 'wsoa.xlsx',
  downloadUrl: 'https://contoso.sharepoint.com/personal/ada/download.aspx?tempauth=abc',
  programmeId: 'wsoa',
  fingerprint: 'sha256:1234',
  requestedBy: 'admin@council.example',
  expiresAt: '2026-01-06T09:00:00.000Z',
};

/** What the pending-import store promises; run against the memory fake and Azure Tables. */
export function pendingImportContract(create: () => Promise<PendingImportRepository>): void {
  describe('pending import repository', () => {
    it('keeps a pending import by id until it is removed', async () => {
      const imports = await create();
      await imports.save(pending);
      await imports.save({ ...pending, id: 'other', requestedBy: null });
      expect(await imports.get(pending.id)).toEqual(pending);
      expect(await imports.get('other')).toEqual({ ...pending, id: 'other', requestedBy: null });
      expect(await imports.remove(pending.id)).toBe(true);
      expect(await imports.remove(pending.id)).toBe(false);
      expect(await imports.get(pending.id)).toBeNull();
    });

    it('finds nothing for an id it never saved', async () => {
      expect(await (await create()).get('no-such-import')).toBeNull();
    });
  });
}
