import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ProgrammeChoiceView {
  readonly title: string;
  readonly lines: readonly string[];
  /** One button per programme; pressing it sends `command` as if the person typed it. */
  readonly choices: readonly { readonly title: string; readonly command: string }[];
}

/** "Which programme?": a button per programme that runs the same command for that one. */
export function renderProgrammeChoiceCard(view: ProgrammeChoiceView): RenderedCard {
  return renderTemplate('programme-choice', {
    title: view.title,
    lines: [...view.lines],
    choices: view.choices.map((choice) => ({ ...choice })),
  });
}
