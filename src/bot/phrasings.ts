/** A command as typed: its word and what follows. */
export interface ParsedCommand {
  /** Lower-case command word without the slash; empty when nothing was typed. */
  readonly name: string;
  readonly args: readonly string[];
}

/**
 * Questions people type instead of commands, each read as the command it means. Only
 * whole-message patterns: a message that merely contains "status" is left to the router.
 */
const STATUS_QUESTIONS: readonly RegExp[] = [
  /^(?:what(?:'|’)?s|what is|what are)\s+(?:going on|happening|the (?:status|position|latest|news|progress))(?:\s+(?:with|on|for|in|of)\s+(.+))?$/i,
  /^how(?:'|’)?s\s+(.+?)\s+(?:doing|going|getting on|looking)$/i,
  /^how (?:is|are)\s+(.+?)\s+(?:doing|going|getting on|looking)$/i,
  /^(?:status|progress|news|latest)\s+(?:of|on|for)\s+(.+)$/i,
  /^where (?:are|is) (?:we|things)(?:\s+(?:with|on)\s+(.+))?$/i,
  /^(?:tell me about|show me|what about)\s+(.+)$/i,
  /^(?:any|are there any)\s+(?:news|updates?|progress)(?:\s+(?:on|for|about)\s+(.+))?$/i,
  /^who(?:'|’)?s?\s+(?:is\s+)?(?:owns?|leads?|responsible for|on|doing)\s+(.+)$/i,
  /^(?:give me |show |show me )?(?:a |the )?(?:summary|overview|status|progress)$/i,
];

const OVERDUE_QUESTIONS: readonly RegExp[] = [
  /^(?:what(?:'|’)?s|what is|which actions are|what is)\s+(?:overdue|late)$/i,
  /^(?:anything|is anything)\s+(?:overdue|late)$/i,
];

const MINE_QUESTIONS: readonly RegExp[] = [
  /^(?:what do i (?:need|have) to (?:do|answer|update)|what(?:'|’)?s mine|what are my actions|my actions)$/i,
];

/** Words that mean the whole programme, not a workstream or action. */
const EVERYTHING = /^(?:we|us|things|everything|it|the programme|the plan|the board|all)$/i;

/** "workstream A", "action C2", "A?" → "A"; several words that are not one code → null. */
function codeOf(target: string): string | null {
  const word = target
    .replace(/^(?:the\s+)?(?:workstream|action|area)\s+/i, '')
    .replace(/[?!.,]+$/, '')
    .trim();
  return /^[\w-]+$/.test(word) ? word : null;
}

/** The command a question means, or null when the text is not one of these questions. */
export function commandOfQuestion(text: string): ParsedCommand | null {
  const question = text
    .trim()
    .replace(/[?!.\s]+$/, '')
    .replace(/^(?:please|hi|hello|hey)[,\s]+/i, '')
    .replace(/\s+please$/i, '');
  if (OVERDUE_QUESTIONS.some((pattern) => pattern.test(question))) {
    return { name: 'overdue', args: [] };
  }
  if (MINE_QUESTIONS.some((pattern) => pattern.test(question))) return { name: 'mine', args: [] };
  for (const pattern of STATUS_QUESTIONS) {
    const match = pattern.exec(question);
    if (!match) continue;
    const target = match[1]?.trim() ?? '';
    if (target === '' || EVERYTHING.test(target)) return { name: 'status', args: [] };
    // Words that are not one code ("the new officers") are still a status question: /status
    // answers that it knows no such workstream or action, and how to find them.
    return { name: 'status', args: [codeOf(target) ?? target.replace(/[?!.,]+$/, '')] };
  }
  return null;
}
