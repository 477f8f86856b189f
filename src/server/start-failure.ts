import { AzuriteMissingError } from '../store/embedded-azurite.js';
import { StorageInUseError } from '../store/shared-azurite.js';
import { ServerConfigError } from './server-config.js';

/**
 * The words for a start that failed for a reason the person starting the bot can fix (a
 * setting, a port, the storage folder); null for anything else, which is logged with its stack.
 */
export function explainStartFailure(error: unknown): string | null {
  if (error instanceof ServerConfigError) return error.message;
  if (error instanceof AzuriteMissingError || error instanceof StorageInUseError) {
    return error.message;
  }
  if (error instanceof Error && error.message.startsWith('Storage settings are not valid')) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { port, address } = error as { port?: number; address?: string };
    const where = `${address ?? 'the address'}:${String(port ?? '')}`;
    return code === 'EADDRINUSE'
      ? `Port ${where} is already in use: is the bot already running? Stop the other one, or set PORT to a free port.`
      : `This process may not listen on ${where}: set PORT to a port above 1024.`;
  }
  return null;
}
