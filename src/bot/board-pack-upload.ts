import { FILE_TRANSFER_TIMEOUT_MS, outboundPolicyFor, outboundRefusal } from './outbound-policy.js';

/**
 * PUTs the whole file to the upload address Teams gave with the file consent answer. The
 * address comes in the invoke's body, so it is checked like any other outbound address:
 * https to the file hosts only (loopback http only when the channel is loopback), no
 * redirect followed, and a time limit. Null when OneDrive took it, else why not.
 */
export async function uploadBoardPack(options: {
  readonly uploadUrl: string;
  readonly bytes: Buffer;
  /** The conversation's service address, which decides whether loopback http is allowed. */
  readonly serviceUrl: string | undefined;
  readonly fileHosts: readonly string[] | undefined;
}): Promise<string | null> {
  const { uploadUrl, bytes } = options;
  const refused = outboundRefusal(
    uploadUrl,
    outboundPolicyFor(options.serviceUrl, options.fileHosts),
  );
  if (refused !== null) return refused;
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    headers: {
      'Content-Length': String(bytes.length),
      'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
    body: new Uint8Array(bytes),
    // A redirect could lead anywhere; an upload session never sends one.
    redirect: 'manual',
    signal: AbortSignal.timeout(FILE_TRANSFER_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (response.status >= 300 && response.status < 400) return 'the upload address redirected';
  return response.ok ? null : `HTTP ${response.status}`;
}
