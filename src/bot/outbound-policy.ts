/**
 * Where the bot may send or fetch files: the hosts Teams gives for files sent to a bot and
 * for the upload address of a file consent card, which are the people's OneDrive and
 * SharePoint. `FILE_HOSTS` overrides the list (docs/security.md).
 */
export const DEFAULT_FILE_HOSTS: readonly string[] = [
  '*.sharepoint.com',
  '*.sharepoint.us',
  '*.sharepoint-mil.us',
  '*.sharepoint.cn',
];

/** How long one file fetch or upload may take before the bot gives up and says so. */
export const FILE_TRANSFER_TIMEOUT_MS = 30_000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Which addresses the bot may fetch from or upload to. */
export interface OutboundPolicy {
  /** Host names (`files.example.com`) or every sub-domain of one (`*.sharepoint.com`). */
  readonly hosts: readonly string[];
  /**
   * Plain `http:` on this machine, for the local test channel and `npm run chat`, whose
   * conversations come from a loopback service. Teams itself only gives `https:` links.
   */
  readonly allowLoopbackHttp: boolean;
}

/** `FILE_HOSTS`, comma-separated, or the default list. */
export function fileHostsFrom(setting: string | undefined): readonly string[] {
  const listed = (setting ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  return listed.length > 0 ? listed : DEFAULT_FILE_HOSTS;
}

/** The policy for a conversation: loopback HTTP only when the channel itself is loopback. */
export function outboundPolicyFor(
  serviceUrl: string | undefined,
  hosts: readonly string[] = DEFAULT_FILE_HOSTS,
): OutboundPolicy {
  let url: URL | null = null;
  try {
    url = new URL(serviceUrl ?? '');
  } catch {
    // No service address (or an unreadable one): Teams' own rules, https only.
  }
  return {
    hosts,
    allowLoopbackHttp: url?.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname),
  };
}

function hostAllowed(hostname: string, hosts: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return hosts.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
  );
}

/** Why an address may not be used, or null when it may. Checked again for every redirect. */
export function outboundRefusal(address: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'the link is not a web address';
  }
  if (url.protocol === 'http:' && policy.allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) {
    return null;
  }
  if (url.protocol !== 'https:') return 'the link is not a secure (https) address';
  if (url.username !== '' || url.password !== '') return 'the link carries a password';
  if (!hostAllowed(url.hostname, policy.hosts)) {
    return `${url.hostname} is not a OneDrive or SharePoint address this service uses`;
  }
  return null;
}
