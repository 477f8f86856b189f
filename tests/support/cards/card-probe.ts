/**
 * What the rendering test measures, run inside the page once a card is drawn. Kept free of
 * imports and outer names: Playwright sends the function's source text to the browser.
 */

export interface TextFinding {
  /** The element's text, shortened, so a failure says which words. */
  readonly text: string;
  readonly colour: string;
  readonly background: string;
  readonly ratio: number;
  /** 4.5 for text (WCAG 1.4.3); 3 for a lone symbol such as ■, a graphic (WCAG 1.4.11). */
  readonly needed: number;
}

export interface ClipFinding {
  readonly text: string;
  /** How many pixels of the text lie outside what shows. */
  readonly hiddenPx: number;
}

export interface ImageFinding {
  readonly alt: string;
  readonly naturalWidth: number;
  readonly shownWidth: number;
}

export interface ProbeResult {
  readonly texts: number;
  readonly lowContrast: readonly TextFinding[];
  readonly clipped: readonly ClipFinding[];
  /** How far the page scrolls sideways at this width (0 when it does not). */
  readonly sidewaysPx: number;
  readonly images: readonly ImageFinding[];
  readonly heightPx: number;
}

/** Runs in the page: `root` is the element the card was rendered into. */
export function probeCard(rootSelector: string): ProbeResult {
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`No ${rootSelector} in the page.`);

  type Rgba = readonly [number, number, number, number];
  const parse = (css: string): Rgba => {
    const parts =
      /rgba?\(([^)]+)\)/
        .exec(css)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean) ?? [];
    const [r = 0, g = 0, b = 0, a = 1] = parts.map(Number);
    return [r, g, b, parts.length > 3 ? a : 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [
      top[0] * a + bottom[0] * (1 - a),
      top[1] * a + bottom[1] * (1 - a),
      top[2] * a + bottom[2] * (1 - a),
      1,
    ];
  };
  const luminance = (c: Rgba): number => {
    const channel = (v: number): number => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  };
  const hex = (c: Rgba): string =>
    '#' + [c[0], c[1], c[2]].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  /** The solid colour behind an element: its own and its ancestors' backgrounds, stacked. */
  const backgroundOf = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let at: Element | null = element; at; at = at.parentElement) {
      const colour = parse(getComputedStyle(at).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const opacityOf = (element: Element): number => {
    let opacity = 1;
    for (let at: Element | null = element; at; at = at.parentElement) {
      opacity *= Number(getComputedStyle(at).opacity);
    }
    return opacity;
  };
  const shorten = (text: string): string => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
  };
  const symbolOnly = (text: string): boolean => /^[\s\u2580-\u25ff\u2b1b\u2b24]+$/.test(text);

  const lowContrast: TextFinding[] = [];
  const clipped: ClipFinding[] = [];
  let texts = 0;
  const elements = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const element of elements) {
    if (!(element instanceof HTMLElement)) continue;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const isField = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
    const textNodes = Array.from(element.childNodes).filter(
      (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
    );
    const fieldText =
      isField && !['radio', 'checkbox', 'hidden'].includes(element.type) ? element.value : '';
    if (textNodes.length === 0 && fieldText.trim() === '') continue;
    const text = fieldText || textNodes.map((node) => node.textContent ?? '').join(' ');
    texts += 1;

    const style = getComputedStyle(element);
    const background = backgroundOf(element);
    const ink = parse(style.color);
    const colour = over([ink[0], ink[1], ink[2], ink[3] * opacityOf(element)], background);
    const [light, dark] = [luminance(colour), luminance(background)].sort((x, y) => y - x) as [
      number,
      number,
    ];
    const ratio = Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
    const needed = symbolOnly(text) ? 3 : 4.5;
    if (ratio < needed) {
      lowContrast.push({
        text: shorten(text),
        colour: hex(colour),
        background: hex(background),
        ratio,
        needed,
      });
    }

    // Where the words are laid out, whether or not they show: a range is never clipped.
    const range = document.createRange();
    const boxes = isField
      ? [{ left: 0, right: element.scrollWidth, top: 0, bottom: element.scrollHeight }]
      : textNodes.map((node) => {
          range.selectNodeContents(node);
          return range.getBoundingClientRect();
        });
    let hiddenPx = 0;
    if (isField) {
      hiddenPx = Math.max(
        element.scrollWidth - element.clientWidth,
        element instanceof HTMLTextAreaElement ? 0 : element.scrollHeight - element.clientHeight,
      );
    } else {
      for (let at: Element | null = element; at && at !== document.body; at = at.parentElement) {
        const s = getComputedStyle(at);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const clip = at.getBoundingClientRect();
        for (const box of boxes) {
          hiddenPx = Math.max(
            hiddenPx,
            box.right - clip.right,
            clip.left - box.left,
            box.bottom - clip.bottom,
            clip.top - box.top,
          );
        }
      }
      for (const box of boxes) hiddenPx = Math.max(hiddenPx, box.right - window.innerWidth);
    }
    if (hiddenPx > 1) clipped.push({ text: shorten(text), hiddenPx: Math.round(hiddenPx) });
  }

  const images = Array.from(root.querySelectorAll('img')).map((image) => ({
    alt: shorten(image.alt),
    naturalWidth: image.naturalWidth,
    shownWidth: Math.round(image.getBoundingClientRect().width),
  }));
  const scroller = document.scrollingElement ?? document.documentElement;
  return {
    texts,
    lowContrast,
    clipped,
    sidewaysPx: Math.max(0, scroller.scrollWidth - window.innerWidth),
    images,
    heightPx: Math.round(root.getBoundingClientRect().height),
  };
}
