import { readWorkbookContent, type WorkbookRead } from '../../app/import/read-workbook.js';
import {
  DEFAULT_FILE_HOSTS,
  FILE_TRANSFER_TIMEOUT_MS,
  outboundPolicyFor,
  outboundRefusal,
  type OutboundPolicy,
} from '../outbound-policy.js';

/** Teams' attachment for a file sent to a bot in personal chat (`supportsFiles`). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A workbook bigger than this is not a plan; refusing it keeps one instance's memory safe. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
/** Teams' download links answer directly; a few hops allow for a storage front door. */
const MAX_REDIRECTS = 3;

export interface SentFile {
  readonly name: string;
  readonly downloadUrl: string;
}

/** Which addresses the bot may fetch a workbook from (see `outbound-policy.ts`). */
export type DownloadPolicy = OutboundPolicy;

/** The policy for a conversation: the file hosts, and loopback HTTP only for a loopback channel. */
export function downloadPolicyFor(
  serviceUrl: string | undefined,
  hosts: readonly string[] = DEFAULT_FILE_HOSTS,
): DownloadPolicy {
  return outboundPolicyFor(serviceUrl, hosts);
}

/** The first file attachment of a message, if any. */
export function sentFileOf(
  attachments: readonly { contentType: string; name?: string; content?: unknown }[] | undefined,
): SentFile | null {
  for (const attachment of attachments ?? []) {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content = attachment.content as { downloadUrl?: unknown } | undefined;
    if (typeof content?.downloadUrl === 'string' && typeof attachment.name === 'string') {
      return { name: attachment.name, downloadUrl: content.downloadUrl };
    }
  }
  return null;
}

export type DownloadResult =
  | WorkbookRead
  | { readonly ok: false; readonly code: 'DOWNLOAD_FAILED'; readonly reason: string }
  /** The address is not one the bot fetches from (not https, or not Teams' loopback stand-in). */
  | { readonly ok: false; readonly code: 'DOWNLOAD_REFUSED'; readonly reason: string }
  | { readonly ok: false; readonly code: 'TOO_LARGE'; readonly limitBytes: number };

/** Why an address may not be fetched, or null when it may. */
export function refusalOf(address: string, policy: DownloadPolicy): string | null {
  return outboundRefusal(address, policy);
}

/** Reads at most `limit` bytes; null when the body is longer. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit || !response.body) {
    await response.body?.cancel();
    return declared > limit ? null : new Uint8Array();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

type Fetched =
  { readonly ok: true; readonly bytes: Uint8Array } | Exclude<DownloadResult, WorkbookRead>;

/** Fetches an address the policy allows, following only redirects it also allows. */
async function fetchAllowed(first: string, policy: DownloadPolicy): Promise<Fetched> {
  let address = first;
  try {
    for (let hop = 0; ; hop += 1) {
      // Every address, redirects included, must pass: a redirect must not lead anywhere else.
      const refused = refusalOf(address, policy);
      if (refused !== null) return { ok: false, code: 'DOWNLOAD_REFUSED', reason: refused };
      const response = await fetch(address, {
        redirect: 'manual',
        signal: AbortSignal.timeout(FILE_TRANSFER_TIMEOUT_MS),
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) {
          return { ok: false, code: 'DOWNLOAD_FAILED', reason: 'Teams sent too many redirects' };
        }
        address = new URL(location, address).toString();
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, code: 'DOWNLOAD_FAILED', reason: `Teams answered ${response.status}` };
      }
      const bytes = await readCapped(response, MAX_WORKBOOK_BYTES);
      if (bytes === null) return { ok: false, code: 'TOO_LARGE', limitBytes: MAX_WORKBOOK_BYTES };
      return { ok: true, bytes };
    }
  } catch (error: unknown) {
    // Timeouts and refused connections: the person can send the file again.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'DOWNLOAD_FAILED', reason };
  }
}

/** Fetches the file Teams holds for us, if its address is allowed, and reads it as a workbook. */
export async function downloadWorkbook(
  file: SentFile,
  policy: DownloadPolicy,
): Promise<DownloadResult> {
  const fetched = await fetchAllowed(file.downloadUrl, policy);
  return fetched.ok ? readWorkbookContent(file.name, fetched.bytes) : fetched;
}
