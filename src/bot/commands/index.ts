import type { Command } from './command.js';
import { adminsCommand } from './admins.command.js';
import { assignCommand, deputyCommand } from './assign.command.js';
import { calendarCommand } from './calendar.command.js';
import { governanceCommand } from './governance.command.js';
import { importCommand } from './import.command.js';
import { linkCommand, unlinkCommand } from './link.command.js';
import { rolesCommand } from './roles.command.js';
import { awayCommand } from './away.command.js';
import { backCommand } from './back.command.js';
import { unreachableCommand } from './unreachable.command.js';
import { digestCommand } from './digest.command.js';
import { exportCommand } from './export.command.js';
import { helpCommand } from './help.command.js';
import { measureCommand } from './measure.command.js';
import { mineCommand } from './mine.command.js';
import { overdueCommand } from './overdue.command.js';
import { statusCommand } from './status.command.js';
import { updateCommand } from './update.command.js';
import { pendingCommand } from './pending.command.js';
import { signOffCommand } from './sign-off.command.js';
import { tickCommand, untickCommand } from './steps.command.js';

/** Every chat command, in the order help lists them. Add a command with one line here. */
export const commands: readonly Command[] = [
  statusCommand,
  mineCommand,
  updateCommand,
  tickCommand,
  untickCommand,
  measureCommand,
  pendingCommand,
  signOffCommand,
  overdueCommand,
  digestCommand,
  exportCommand,
  awayCommand,
  backCommand,
  unreachableCommand,
  importCommand,
  rolesCommand,
  assignCommand,
  deputyCommand,
  calendarCommand,
  governanceCommand,
  linkCommand,
  unlinkCommand,
  adminsCommand,
  helpCommand,
];
