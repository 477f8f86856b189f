import { describe, expect, it } from 'vitest';
import { readStoreConfig } from '../../src/store/store-config.js';

describe('storage settings', () => {
  it('runs an embedded Azurite under .data/azurite when nothing is configured', () => {
    expect(readStoreConfig({})).toEqual({
      kind: 'embedded',
      port: null,
      location: '.data/azurite',
      tablePrefix: 'at',
    });
  });

  it('treats blank settings as unset', () => {
    expect(readStoreConfig({ AZURE_STORAGE_CONNECTION_STRING: ' ', AZURITE_PORT: '' }).kind).toBe(
      'embedded',
    );
  });

  it('uses a connection string when one is given', () => {
    const config = readStoreConfig({
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      TABLE_PREFIX: 'staging',
    });
    expect(config).toEqual({
      kind: 'connection-string',
      connectionString: 'UseDevelopmentStorage=true',
      tablePrefix: 'staging',
    });
  });

  it('uses an account URL with a user-assigned managed identity', () => {
    const config = readStoreConfig({
      AZURE_STORAGE_ACCOUNT_URL: 'https://tracker.table.core.windows.net',
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
    });
    expect(config).toMatchObject({
      kind: 'account-url',
      clientId: '00000000-0000-0000-0000-000000000001',
    });
  });

  it('refuses a table prefix that would make an illegal table name, saying why', () => {
    expect(() => readStoreConfig({ TABLE_PREFIX: 'my-bot' })).toThrow(
      /TABLE_PREFIX must be 1 to 40 letters and digits, starting with a letter/,
    );
    expect(() => readStoreConfig({ TABLE_PREFIX: '1bot' })).toThrow(/TABLE_PREFIX/);
  });

  it('refuses both a connection string and an account URL', () => {
    expect(() =>
      readStoreConfig({
        AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
        AZURE_STORAGE_ACCOUNT_URL: 'https://tracker.table.core.windows.net',
      }),
    ).toThrow(/not both/);
  });

  it('refuses a port that is not a number', () => {
    expect(() => readStoreConfig({ AZURITE_PORT: 'ten' })).toThrow(
      /AZURITE_PORT must be a port number/,
    );
  });
});
