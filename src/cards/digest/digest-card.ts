import type { PeopleNames } from '../../domain/people-names.js';
import { renderTemplate } from '../render-template.js';
import type { RenderedCard } from '../render-template.js';
import type { DigestData } from '../../domain/digest.js';
import type { GovernanceDigest } from '../../domain/governance-digest.js';
import type { MeasureDigest } from '../../domain/measure-digest.js';
import { FULL_DIGEST, buildDigestView } from './digest-view.js';
import type { CardPicture, DigestLimits } from './digest-view.js';

/**
 * Teams refuses a message much over 28 KB, everything in it counted. A deployment links the
 * chart (a short https address), so the budget holds the whole card. Locally the chart is a
 * data URI, measured aside: nothing there goes through Teams' limit.
 */
export const DIGEST_CARD_BUDGET_BYTES = 28 * 1024;

/** Ever shorter lists and notes, tried in turn until the card fits the budget. */
const SUMMARY_STEPS: readonly DigestLimits[] = [
  FULL_DIGEST,
  { itemsPerList: 25, noteLength: 400 },
  { itemsPerList: 12, noteLength: 280 },
  { itemsPerList: 6, noteLength: 200 },
  { itemsPerList: 3, noteLength: 140 },
  { itemsPerList: 1, noteLength: 100 },
];

export interface DigestCard {
  readonly card: RenderedCard;
  /** Bytes of the card's JSON with image data replaced by a short placeholder. */
  readonly sizeWithoutImages: number;
  /** Bytes of the card's JSON, images and all. */
  readonly size: number;
  /** True when lists were cut to fit; the card then says so and links the full report. */
  readonly summarised: boolean;
}

export interface DigestCardInput {
  readonly data: DigestData;
  /** The ratings chart: an https address in a deployment, else the picture as a data URI. */
  readonly chart: CardPicture | null;
  readonly timeZone: string;
  readonly reportUrl: string | null;
  /** A first line above the rest ("Preview: …"). */
  readonly preface?: string;
  /** The measures as at the period; null when there are none. */
  readonly measures: MeasureDigest | null;
  /** The measures chart, linked or embedded as the ratings chart is; null when none has a value. */
  readonly measureChart: CardPicture | null;
  /** Revised dates, requests waiting, steps and sign-off. */
  readonly governance: GovernanceDigest;
  /** People by name and job title; absent, by role code and email. */
  readonly names?: PeopleNames;
}

export function renderDigestCard(input: DigestCardInput): DigestCard {
  let last: DigestCard | undefined;
  const lists = [
    ...listLengths(input.data),
    input.measures?.standings.length ?? 0,
    input.measures?.warnings.length ?? 0,
    input.governance.revised.length,
    input.governance.waiting.length,
    input.governance.steps.length,
    input.governance.signOff?.length ?? 0,
  ];
  for (const [step, limits] of SUMMARY_STEPS.entries()) {
    const isLastStep = step === SUMMARY_STEPS.length - 1;
    // Each line a list shows costs at least MIN_LINE_BYTES of card JSON, so a step that
    // shows too many is skipped unbuilt: rendering thousands of lines is the slow part.
    const lines = lists.reduce((sum, length) => sum + Math.min(length, limits.itemsPerList), 0);
    if (!isLastStep && lines * MIN_LINE_BYTES > DIGEST_CARD_BUDGET_BYTES) continue;
    const view = buildDigestView({ ...input, limits });
    // The card wraps each line of the view in its layout, about a third again in bytes.
    const withoutCharts = {
      ...view,
      chart: null,
      measures: view.measures && { ...view.measures, chart: null },
    };
    const estimate = sizeWithoutImages(withoutCharts) * CARD_TO_VIEW_RATIO;
    if (!isLastStep && estimate > DIGEST_CARD_BUDGET_BYTES) continue;
    const card = renderTemplate('digest', view);
    last = {
      card,
      sizeWithoutImages: sizeWithoutImages(card.content),
      size: Buffer.byteLength(JSON.stringify(card.content), 'utf8'),
      summarised: step > 0,
    };
    if (last.sizeWithoutImages <= DIGEST_CARD_BUDGET_BYTES) return last;
  }
  // The last step shows one item a list: only an absurd name or title could still be too big,
  // and a card slightly over is better than no digest at all.
  if (!last) throw new Error('No digest summary step was rendered.');
  return last;
}

/** Measured on large digests (about 1.55); a little under, so no step that fits is skipped. */
const CARD_TO_VIEW_RATIO = 1.35;

/** `{"type":"Container","items":[{"type":"TextBlock","text":"","color":"Good","wrap":true}]}` */
const MIN_LINE_BYTES = 90;

/** How many lines each of the digest's lists has, in full. */
function listLengths(data: DigestData): number[] {
  const improved = data.moved.filter((move) => move.direction === 'improved').length;
  const roles = new Set(data.notReported.map((item) => item.ownerRole)).size;
  return [
    improved,
    data.moved.length - improved,
    data.overdue.length,
    roles,
    data.warnings.length,
    data.notes.length,
  ];
}

const IMAGE_DATA_URI = /data:image\/[a-z+]+;base64,[A-Za-z0-9+/=]+/g;

/** Card JSON size in UTF-8 bytes, with every embedded image counted as a short placeholder. */
export function sizeWithoutImages(content: unknown): number {
  const json = JSON.stringify(content).replace(IMAGE_DATA_URI, 'data:image/png;base64,…');
  return Buffer.byteLength(json, 'utf8');
}
