import type { TurnContext } from 'botbuilder';
import type { ProgrammeAnswer } from '../app/programme-resolution.use-case.js';
import type { Programme } from '../domain/programme.js';
import type { BotDependencies } from './bot-dependencies.js';
import { commandTextOf, parseCommand, type ParsedCommand } from './message-text.js';
import type { Sender } from './sender.js';

/** The conversation as the store keys it: a person's own chat by their Entra id. */
export interface TurnConversation {
  readonly key: string;
  readonly kind: 'personal' | 'groupChat' | 'channel';
}

/**
 * What one activity is, worked out once and handed to every handler: the text and the
 * command in it, who sent it, where, and which programme it is about.
 */
export interface Turn {
  /** botbuilder's turn, for the rare handler that sends more than its reply (uploads). */
  readonly context: TurnContext;
  /** What was typed, without the bot's @mention. */
  readonly text: string;
  /** The command word, and its words after it without a `wsoa:` programme prefix. */
  readonly command: ParsedCommand;
  /** The words after the command as typed, prefix and all. */
  readonly typedArgs: readonly string[];
  readonly sender: Sender;
  readonly conversation: TurnConversation;
  /**
   * Which programme the turn is about, or why there is none: asked of storage the first
   * time a handler needs it, then kept for the rest of the turn. `argument` is where a
   * `wsoa:` prefix may be (the first word typed, unless the command says otherwise).
   */
  programme(argument?: string): Promise<ProgrammeAnswer>;
}

export function conversationOfActivity(context: TurnContext): TurnConversation {
  const { conversation, from } = context.activity;
  const type = conversation.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  // A channel reply arrives on "<channel id>;messageid=<thread>": the channel is the key.
  const id = conversation.id.split(';')[0] ?? conversation.id;
  const key = kind === 'personal' && from.aadObjectId ? `personal:${from.aadObjectId}` : id;
  return { key, kind };
}

/** The command's words without a leading programme prefix (`wsoa:EHC` → `EHC`). */
function withoutPrefix(args: readonly string[], answer: ProgrammeAnswer): readonly string[] {
  if (!answer.ok || answer.via !== 'prefix') return args;
  const rest = args.slice(1);
  return answer.argument === '' ? rest : [answer.argument, ...rest];
}

/** Builds the turn of one activity; the programme is looked up only if someone asks. */
export async function createTurn(
  context: TurnContext,
  sender: Sender,
  deps: Pick<BotDependencies, 'resolution'>,
): Promise<Turn> {
  const isMessage = context.activity.type === 'message';
  const text = isMessage ? commandTextOf(context.activity) : '';
  const typed = parseCommand(text);
  const conversation = conversationOfActivity(context);
  const answers = new Map<string, Promise<ProgrammeAnswer>>();
  const programme = (argument = typed.args[0] ?? ''): Promise<ProgrammeAnswer> => {
    let answer = answers.get(argument);
    if (!answer) {
      answer = deps.resolution.choose({
        conversationKey: conversation.key,
        conversationKind: conversation.kind,
        email: sender.email,
        isAdmin: sender.isAdmin,
        argument,
      });
      answers.set(argument, answer);
    }
    return answer;
  };
  // Only a word with a colon can name a programme, so only then is storage asked now.
  const args = typed.args[0]?.includes(':')
    ? withoutPrefix(typed.args, await programme())
    : typed.args;
  return {
    context,
    text,
    command: { name: typed.name, args },
    typedArgs: typed.args,
    sender,
    conversation,
    programme,
  };
}

/**
 * The programme a handler answers about: the one resolved; when several could be meant
 * (only for card buttons and hints: the router asks first for commands), the first by id;
 * null when no plan has been loaded.
 */
export async function programmeOfTurn(turn: Turn): Promise<Programme | null> {
  const answer = await turn.programme();
  if (answer.ok) return answer.programme;
  return answer.code === 'PROGRAMME_CHOICE_NEEDED' ? answer.fallback : null;
}
