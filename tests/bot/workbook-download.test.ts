import { describe, expect, it } from 'vitest';
import {
  downloadPolicyFor,
  downloadWorkbook,
  refusalOf,
} from '../../src/bot/import/workbook-download.js';

const teams = downloadPolicyFor('https://smba.trafficmanager.net/uk/');
const local = downloadPolicyFor('http://127.0.0.1:5123/teams/');

describe('which addresses the bot fetches a sent workbook from', () => {
  it('fetches https addresses from Teams', () => {
    expect(refusalOf('https://contoso.sharepoint.com/download.aspx?tempauth=x', teams)).toBeNull();
  });

  it('refuses plain http, other schemes and junk from Teams', () => {
    for (const address of [
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:8080/admin',
      'file:///etc/passwd',
      'ftp://files.example/plan.xlsx',
      'not a link',
    ]) {
      expect(refusalOf(address, teams), address).not.toBeNull();
    }
  });

  it('allows loopback http only when the conversation itself comes from a loopback channel', () => {
    expect(refusalOf('http://127.0.0.1:5123/files/wsoa.xlsx', local)).toBeNull();
    expect(refusalOf('http://localhost:5123/files/wsoa.xlsx', local)).toBeNull();
    expect(refusalOf('http://10.0.0.1/wsoa.xlsx', local)).not.toBeNull();
    expect(downloadPolicyFor(undefined).allowLoopbackHttp).toBe(false);
  });

  it('answers a refused address as a value, without fetching it', async () => {
    const result = await downloadWorkbook(
      { name: 'wsoa.xlsx', downloadUrl: 'http://169.254.169.254/plan.xlsx' },
      teams,
    );
    expect(result).toEqual({
      ok: false,
      code: 'DOWNLOAD_REFUSED',
      reason: 'the link is not a secure (https) address',
    });
  });
});
