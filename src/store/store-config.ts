import { z } from 'zod';

/** Unset and blank settings mean the same thing: not configured. */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

const schema = z.object({
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_ACCOUNT_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be the table endpoint, like https://NAME.table.core.windows.net',
      })
      .optional(),
  ),
  AZURE_CLIENT_ID: optionalText,
  TABLE_PREFIX: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, {
        error:
          'must be 1 to 40 letters and digits, starting with a letter (table names allow nothing else)',
      })
      .default('at'),
  ),
  AZURITE_PORT: optionalText.pipe(
    z.optional(
      z
        .string()
        .regex(/^\d+$/, { error: 'must be a port number' })
        .transform(Number)
        .pipe(z.number().int().min(1).max(65_535)),
    ),
  ),
  AZURITE_LOCATION: optionalText.pipe(z.string().default('.data/azurite')),
});

export type StoreConfig =
  | {
      readonly kind: 'connection-string';
      readonly connectionString: string;
      readonly tablePrefix: string;
    }
  | {
      readonly kind: 'account-url';
      readonly accountUrl: string;
      /** A user-assigned managed identity; without it the default credential chain is used. */
      readonly clientId: string | null;
      readonly tablePrefix: string;
    }
  | {
      readonly kind: 'embedded';
      readonly port: number | null;
      readonly location: string;
      readonly tablePrefix: string;
    };

/**
 * Reads the storage settings. With neither a connection string nor an account URL the bot
 * runs its own Azurite. Throws one error that lists every wrong setting and how to fix it.
 */
export function readStoreConfig(env: Readonly<Record<string, string | undefined>>): StoreConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Storage settings are not valid: ${problems.join('; ')}.`);
  }
  const settings = parsed.data;
  const tablePrefix = settings.TABLE_PREFIX;
  if (settings.AZURE_STORAGE_CONNECTION_STRING && settings.AZURE_STORAGE_ACCOUNT_URL) {
    throw new Error(
      'Storage settings are not valid: set AZURE_STORAGE_CONNECTION_STRING or ' +
        'AZURE_STORAGE_ACCOUNT_URL, not both.',
    );
  }
  if (settings.AZURE_STORAGE_CONNECTION_STRING) {
    return {
      kind: 'connection-string',
      connectionString: settings.AZURE_STORAGE_CONNECTION_STRING,
      tablePrefix,
    };
  }
  if (settings.AZURE_STORAGE_ACCOUNT_URL) {
    return {
      kind: 'account-url',
      accountUrl: settings.AZURE_STORAGE_ACCOUNT_URL,
      clientId: settings.AZURE_CLIENT_ID ?? null,
      tablePrefix,
    };
  }
  return {
    kind: 'embedded',
    port: settings.AZURITE_PORT ?? null,
    location: settings.AZURITE_LOCATION,
    tablePrefix,
  };
}
