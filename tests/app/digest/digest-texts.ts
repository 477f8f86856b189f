import type { DigestResult } from '../../../src/app/digest/digest.use-case.js';
import { digestMessageOf, type DigestMessage } from '../../../src/bot/digest-message.js';

/** The digest card as the bot would send it; fails the test when there is no digest. */
export function built(result: DigestResult): DigestMessage {
  if (!result.ok) throw new Error(`Expected a digest, got ${result.code}`);
  return digestMessageOf(result.value);
}

/** Every text of the card (and any other string property named), in order, as read. */
export function textsOf(digest: DigestMessage, keys: readonly string[] = ['text']): string[] {
  const texts: string[] = [];
  JSON.stringify(digest.card.content, (key, value: unknown) => {
    if (keys.includes(key) && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts;
}
