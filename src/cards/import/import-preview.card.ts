import type { ProblemText } from './problem-text.js';
import { renderTemplate, type RenderedCard } from '../render-template.js';

/**
 * What Confirm sends back: the id of the import the bot keeps while it waits, never the
 * file's address (anyone who can submit card data could point that anywhere).
 */
export interface ImportConfirmData {
  readonly importId: string;
  readonly fileName: string;
}

export interface ImportPreviewView {
  readonly title: string;
  readonly subtitle: string;
  readonly facts: readonly { readonly name: string; readonly value: string }[];
  readonly lines: readonly string[];
  readonly problems: readonly ProblemText[];
  /** Problems beyond those shown, which a card has no room for. */
  readonly moreProblems: number;
  readonly footer: string;
  /** Null when there is nothing to confirm (problems, or no changes). */
  readonly confirm: ImportConfirmData | null;
}

/** The preview of a plan import: counts, changes or problems, and Confirm / Cancel. */
export function renderImportPreviewCard(view: ImportPreviewView): RenderedCard {
  const shown = view.problems.length;
  return renderTemplate('import-preview', {
    title: view.title,
    subtitle: view.subtitle,
    facts: [...view.facts],
    lines: [...view.lines],
    problems: [...view.problems],
    problemsTitle:
      view.moreProblems > 0
        ? `The first ${shown} of ${shown + view.moreProblems} problems:`
        : `${shown === 1 ? 'The problem' : `All ${shown} problems`}:`,
    footer: view.footer,
    canConfirm: view.confirm !== null,
    confirmData: view.confirm ?? {},
    confirmSubmitData: { verb: 'import-confirm', ...view.confirm },
    // Cancel names the import too, so the bot can forget it.
    cancelData: view.confirm ?? { fileName: '' },
    cancelSubmitData: { verb: 'import-cancel', ...(view.confirm ?? { fileName: '' }) },
  });
}
