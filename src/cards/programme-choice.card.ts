import { renderTemplate, type RenderedCard } from './render-template.js';

export interface ProgrammeChoiceView {
  readonly title: string;
  readonly lines: readonly string[];
  /** One button per programme; pressing it sends `command` as if the person typed it. */
  readonly choices: readonly {
    readonly id: string;
    readonly name: string;
    readonly command: string;
  }[];
}

/**
 * "Which programme?": each programme's name in full, and a button per programme, titled
 * with its short id so that it fits a phone, that runs the same command for that one.
 */
export function renderProgrammeChoiceCard(view: ProgrammeChoiceView): RenderedCard {
  return renderTemplate('programme-choice', {
    title: view.title,
    lines: [...view.lines],
    choices: view.choices.map((choice) => ({
      button: choice.id,
      name: choice.name,
      command: choice.command,
    })),
  });
}
