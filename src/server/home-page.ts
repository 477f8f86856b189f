import type { Next, Request, Response } from 'restify';

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Action Tracker</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; color: #111827; line-height: 1.5; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
code { background: #f3f4f6; padding: 0.1rem 0.3rem; border-radius: 0.2rem; }
a { color: #1d4ed8; }
</style>
</head>
<body>
<h1>Action Tracker</h1>
<p>This is the Action Tracker service: a Microsoft Teams bot that runs the reporting cycle of an
improvement programme. People use it in Teams, not here.</p>
<ul>
<li><a href="/healthz">/healthz</a>: whether the service and its storage are working.</li>
<li><a href="/tab">/tab</a>: the dashboard tab. It is made to open inside Teams, which signs people in.</li>
<li><code>/api/messages</code>: where Teams sends messages to the bot (the Azure Bot's messaging endpoint).</li>
</ul>
<p>Running it on your own computer? Type <code>npm run chat</code> in another terminal to talk
to the bot with the sample plan, no Teams needed.</p>
</body>
</html>
`;

/** `GET /`: a short page saying what this is and where to go, instead of a JSON error. */
export function homePage(_req: Request, res: Response, next: Next): void {
  const body = Buffer.from(PAGE, 'utf8');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-cache',
  });
  res.end(body);
  next();
}
