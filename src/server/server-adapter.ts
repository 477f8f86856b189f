import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { CloudAdapter } from 'botbuilder';

/**
 * botbuilder's CloudAdapter with its activity processing opened to the messages route.
 * `CloudAdapter.process` answers every failure that is not an AuthenticationError with 500 and
 * cannot say 403; the route parses the body and maps the outcome itself instead.
 */
export class ServerAdapter extends CloudAdapter {
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
