import type { Command } from './command.js';
import { helpCommand } from './help.command.js';

/** Every chat command, in the order help lists them. Add a command with one line here. */
export const commands: readonly Command[] = [helpCommand];
