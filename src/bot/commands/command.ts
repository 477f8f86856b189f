import type { RenderedCard } from '../../cards/render-template.js';
import type { ListReply } from '../list-reply.js';
import type { BotDependencies } from '../bot-dependencies.js';
import type { Turn } from '../turn.js';

/** What a command handler gets: the turn (who, where, which programme) and the use cases. */
export interface CommandRequest {
  readonly turn: Turn;
  /** Words after the command name, as typed (case kept), without a programme prefix. */
  readonly args: readonly string[];
  readonly deps: BotDependencies;
  /** Every command the router knows, for help and suggestions. */
  readonly commands: readonly Command[];
}

/**
 * A reply is one card, a list that can be cut to fit one message, or a line of text for the
 * simplest answers. Every reply is measured against the message budget when it is sent.
 */
export type CommandReply = RenderedCard | ListReply | string;

/**
 * One chat command. Add a command by writing `<name>.command.ts` exporting one of these and
 * listing it in `commands/index.ts`.
 */
export interface Command {
  /** Lower-case word typed after the optional slash. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** How to type it, for help ("/status [workstream or action]"). */
  readonly usage: string;
  readonly summary: string;
  /** Only admins see it in help and may run it. */
  readonly adminOnly?: boolean;
  /** For an admin-only command: tell others politely it is for admins, rather than unknown. */
  readonly refuseOthersPolitely?: boolean;
  /**
   * Runs when someone sends a file with no command typed (a plan workbook to import). The
   * first such command in the list gets it.
   */
  readonly acceptsFiles?: boolean;
  /**
   * About one programme: when several could be meant (no `wsoa:` prefix, no linked chat, a
   * person with a part in several), the router asks which before running it.
   */
  readonly programmeScoped?: boolean;
  /**
   * For a programme-scoped command: starts the first read it will make about `programmeId`,
   * the programme this chat chose last time, while the router is still settling which
   * programme is meant, so storage is asked once rather than twice in a row. `handle` uses
   * what it started only if the programme turns out to be that one; a wrong guess costs a read.
   */
  readonly readAhead?: (request: CommandRequest, programmeId: string) => void;
  handle(request: CommandRequest): Promise<CommandReply>;
}
