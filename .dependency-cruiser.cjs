// @ts-check
/**
 * The arrows between the layers of src/, checked by `npm run lint` (docs/layers.md says why
 * each one points the way it does). Every rule is an error: a wrong-way import fails the build.
 */

/** Packages that talk to Teams, HTTP or Azure: only the outer layers may use them. */
const SDKS = 'node_modules/(@azure|botbuilder|botframework-|restify)';
/** Packages that draw: charts, spreadsheets and cards, above the use cases. */
const DRAWING = 'node_modules/(@resvg|exceljs|adaptivecards-templating|adaptive-expressions)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Two modules that import each other are one thing in two files, or a missing third.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing',
      comment: 'src/domain is pure rules: no other layer, no package, no Node built-in.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'app-imports-domain-and-store-ports',
      comment:
        'Use cases see the domain and the store ports (*.repository.ts, versioned.ts, limits.ts), never an adapter, a card, a drawing or the bot.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/(app|domain)/',
          '^src/store/[^/]+[.]repository[.]ts$',
          '^src/store/(versioned|limits)[.]ts$',
        ],
      },
    },
    {
      name: 'app-uses-no-sdk',
      comment: 'Use cases return data and codes; Teams, HTTP and Azure are the outer layers’.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: SDKS },
    },
    {
      name: 'app-draws-nothing',
      comment:
        'Charts, spreadsheets and cards are drawn in src/render and src/cards; app only reads workbooks (read-xlsx.ts).',
      severity: 'error',
      from: { path: '^src/app/', pathNot: '^src/app/import/read-xlsx[.]ts$' },
      to: { path: DRAWING },
    },
    {
      name: 'cards-and-render-see-domain-and-app-types',
      comment: 'Cards and drawings turn data into pictures and words; they run no use case.',
      severity: 'error',
      from: { path: '^src/(cards|render)/' },
      to: { path: '^src/', pathNot: '^src/(domain|app|cards|render)/' },
    },
    {
      name: 'cards-and-render-import-app-types-only',
      comment: 'Only `import type` from app: what a use case returns, never the use case.',
      severity: 'error',
      from: { path: '^src/(cards|render)/' },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'cards-stay-apart-from-drawings',
      comment: 'A card shows a drawn chart it is handed; bot/ and server/ put the two together.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: '^src/render/' },
    },
    {
      name: 'render-stays-apart-from-cards',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/cards/' },
    },
    {
      name: 'cards-and-render-use-no-sdk',
      severity: 'error',
      from: { path: '^src/(cards|render)/' },
      to: { path: SDKS },
    },
    {
      name: 'store-imports-domain-only',
      comment: 'The store keeps the domain’s data; it knows no use case, card or transport.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: '^src/(store|domain)/' },
    },
    {
      name: 'store-draws-nothing',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: `${DRAWING}|node_modules/(botbuilder|botframework-|restify)` },
    },
    {
      name: 'scheduler-runs-below-teams',
      comment:
        'The scheduler runs use cases and sends through its message transport; Teams is plugged in by the composition root.',
      severity: 'error',
      from: { path: '^src/scheduler/' },
      to: {
        path: ['^src/(bot|server|cards|render)/', '^src/store/(tables|memory|open-store|embedded)'],
      },
    },
    {
      name: 'scheduler-uses-no-sdk',
      severity: 'error',
      from: { path: '^src/scheduler/' },
      to: { path: `${SDKS}|${DRAWING}` },
    },
    {
      name: 'bot-receives-use-cases',
      comment:
        'The bot gets its use cases from the composition root (src/server/compose.ts): no store adapter, no server.',
      severity: 'error',
      from: { path: '^src/bot/' },
      to: { path: ['^src/server/', '^src/store/(tables|memory|open-store|embedded|store[.]ts)'] },
    },
    {
      name: 'graph-is-an-outer-adapter',
      comment:
        'src/graph implements the app installer port over Microsoft Graph; it sees the port and nothing of the bot, the scheduler or the store.',
      severity: 'error',
      from: { path: '^src/graph/' },
      to: { path: '^src/', pathNot: ['^src/graph/', '^src/app/ports/'] },
    },
    {
      name: 'graph-plugged-in-by-the-composition-root',
      comment:
        'Only src/server builds the Graph client; everything else sees the AppInstaller port.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|graph)/' },
      to: { path: '^src/graph/' },
    },
    {
      name: 'teams-sdk-in-bot-and-server-only',
      comment: 'botbuilder and restify stay inside src/bot and src/server.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(bot|server)/' },
      to: { path: 'node_modules/(botbuilder|botframework-|restify)' },
    },
  ],
  options: {
    // `import type` must be seen, or the type-only rule could not tell the two apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    includeOnly: { path: ['^src/', 'node_modules/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
