/**
 * Teams' three themes as the Adaptive Cards renderer needs them: a host config, the colour
 * of the chat behind the card, and the CSS Teams gives buttons and inputs (the renderer leaves
 * those to the host).
 *
 * Sources:
 * - Default (light) and dark: the Microsoft Teams host containers of Microsoft's Adaptive
 *   Cards Designer (npm `adaptivecards-designer`, `teams-container`: LightTeamsContainer and
 *   DarkTeamsContainer, and their `getBackgroundColor`). Colours are `#AARRGGBB` there, as
 *   here: Amber is drawn in `warning` #f8d22a and Green in `good` #92c353.
 * - High contrast: Teams publishes no host config for it. Its colours are those of Teams'
 *   high-contrast theme in Fluent UI Northstar (microsoft/fluentui,
 *   packages/fluentui/react-northstar/src/themes/teams-high-contrast/colors.ts): white text
 *   on black, #ffff00 for links and brand, #1aebff for selection, #3ff23f for disabled and
 *   #f00 for errors, set in the host config's colour slots.
 * - Buttons and inputs: Teams' brand purple #6264a7 (the light host config's accent) for the
 *   primary button, otherwise the theme's own text and background; an approximation, since
 *   Teams' stylesheet is not published.
 */

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export const TEAMS_THEMES: readonly TeamsTheme[] = ['default', 'dark', 'contrast'];

export interface ThemeSetup {
  readonly hostConfig: Readonly<Record<string, unknown>>;
  /** The chat's colour around the card. */
  readonly pageBackground: string;
  /** CSS for what the host config does not cover. */
  readonly css: string;
}

type Pair = readonly [defaultColour: string, subtle: string];

interface Palette {
  readonly default: Pair;
  readonly dark: Pair;
  readonly light: Pair;
  readonly accent: Pair;
  readonly good: Pair;
  readonly warning: Pair;
  readonly attention: Pair;
}

function foregroundColors(palette: Palette): Record<string, unknown> {
  const colours: Record<string, unknown> = {};
  for (const name of Object.keys(palette) as (keyof Palette)[]) {
    const [defaultColour, subtle] = palette[name];
    colours[name] = { default: defaultColour, subtle };
  }
  return colours;
}

/** What every Teams host container shares: Segoe UI at 14 px, 16 px padding. */
function hostConfig(
  palette: Palette,
  backgrounds: Readonly<Record<string, string>>,
): Record<string, unknown> {
  return {
    choiceSetInputValueSeparator: ',',
    supportsInteractivity: true,
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#EEEEEE' },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: Object.fromEntries(
      Object.entries(backgrounds).map(([style, backgroundColor]) => [
        style,
        { backgroundColor, foregroundColors: foregroundColors(palette) },
      ]),
    ),
    actions: {
      maxActions: 6,
      spacing: 'Default',
      buttonSpacing: 8,
      showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
      preExpandSingleShowCardAction: false,
      actionsOrientation: 'Horizontal',
      actionAlignment: 'Left',
    },
    adaptiveCard: { allowCustomStyle: false },
    imageSet: { imageSize: 'Medium', maxImageHeight: 100 },
    factSet: {
      title: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Bolder', wrap: true },
      value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default', wrap: true },
      spacing: 16,
    },
  };
}

const LIGHT: Palette = {
  default: ['#ff252424', '#bf252424'],
  dark: ['#252424', '#bf252424'],
  light: ['#ffffff', '#fff3f2f1'],
  accent: ['#6264a7', '#8b8cc7'],
  good: ['#92c353', '#e592c353'],
  warning: ['#f8d22a', '#e5f8d22a'],
  attention: ['#c4314b', '#e5c4314b'],
};

const DARK: Palette = {
  default: ['#ffffffff', '#bfffffff'],
  dark: ['#ffffffff', '#bfffffff'],
  light: ['#ff201f1f', '#ff2d2c2c'],
  accent: ['#ffa6a7dc', '#ff8b8cc7'],
  good: ['#ff92c353', '#e592c353'],
  warning: ['#fff8d22a', '#e5f8d22a'],
  attention: ['#ffd74654', '#e5d74654'],
};

const CONTRAST: Palette = {
  default: ['#ffffff', '#ffffff'],
  dark: ['#ffffff', '#ffffff'],
  light: ['#ffffff', '#ffffff'],
  accent: ['#ffff00', '#ffff00'],
  good: ['#3ff23f', '#3ff23f'],
  warning: ['#ffff00', '#ffff00'],
  attention: ['#ff0000', '#ff0000'],
};

/** The renderer's own defaults for the other container styles; Teams names only these two. */
const LIGHT_BACKGROUNDS = { default: '#ffffff', emphasis: '#fff9f8f7' };
const DARK_BACKGROUNDS = { default: '#ff2d2c2c', emphasis: '#ff292828' };
const CONTRAST_BACKGROUNDS = {
  default: '#000000',
  emphasis: '#000000',
  good: '#000000',
  warning: '#000000',
  attention: '#000000',
  accent: '#000000',
};

function controlsCss(colours: {
  readonly text: string;
  readonly background: string;
  readonly border: string;
  readonly primaryText: string;
  readonly primaryBackground: string;
}): string {
  return `
    .ac-pushButton { color: ${colours.text}; background: ${colours.background}; border: 1px solid ${colours.border}; }
    .ac-pushButton.style-positive, .ac-pushButton.style-default.primary {
      color: ${colours.primaryText}; background: ${colours.primaryBackground}; border-color: ${colours.primaryBackground};
    }
    .ac-input, .ac-input input, .ac-input textarea, .ac-input select {
      color: ${colours.text}; background: ${colours.background}; border: 1px solid ${colours.border};
    }
    .ac-choiceSetInput-expanded { background: transparent; border: none; }
  `;
}

export const TEAMS_THEME_SETUP: Readonly<Record<TeamsTheme, ThemeSetup>> = {
  default: {
    hostConfig: hostConfig(LIGHT, LIGHT_BACKGROUNDS),
    pageBackground: '#f5f5f5',
    css: controlsCss({
      text: '#252424',
      background: '#ffffff',
      border: '#8a8886',
      primaryText: '#ffffff',
      primaryBackground: '#6264a7',
    }),
  },
  dark: {
    hostConfig: hostConfig(DARK, DARK_BACKGROUNDS),
    pageBackground: '#201e1f',
    css: controlsCss({
      text: '#ffffff',
      background: '#201f1f',
      border: '#8a8886',
      primaryText: '#ffffff',
      primaryBackground: '#6264a7',
    }),
  },
  contrast: {
    hostConfig: hostConfig(CONTRAST, CONTRAST_BACKGROUNDS),
    pageBackground: '#000000',
    css: controlsCss({
      text: '#ffffff',
      background: '#000000',
      border: '#ffffff',
      primaryText: '#000000',
      primaryBackground: '#ffff00',
    }),
  },
};
