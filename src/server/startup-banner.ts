/** What a person starting the bot should open next, printed once it listens. */
export function startupBanner(options: {
  /** The address the server answers on, such as http://127.0.0.1:3978. */
  readonly url: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}): string {
  const { url, env } = options;
  const local = (env['MicrosoftAppId'] ?? '').trim() === '';
  const lines = [
    '',
    `Action Tracker is running on ${url}`,
    `  Health check   ${url}/healthz`,
    `  About page     ${url}/`,
    `  Dashboard tab  ${url}/tab  (made for Teams; it signs people in through Teams)`,
    local
      ? '  Chat locally   npm run chat  (in another terminal: the sample plan, no Teams needed)'
      : `  Teams sends    ${url}/api/messages  (the Azure Bot's messaging endpoint)`,
    '  Stop           Ctrl+C',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
