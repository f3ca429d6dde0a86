/**
 * Listener routing. The listener modules register their handlers here by id, as they would with Bolt's
 * `app.command`, `app.event`, `app.action`, `app.view` and `app.options`; `install` puts the router on
 * the app as its last global middleware, which hands each request to the handler registered for its id
 * and then passes it on to any listeners registered with Bolt itself (the app has none; tests add probes).
 *
 * Why not a Bolt listener per id: Bolt runs every registered listener's middleware chain for every
 * request, copying the listener arguments at each step, so with a listener per command, event, button
 * and view (18 here) each request paid for all of them before one answered, which cost more CPU than the
 * search itself (`npm run bench -- --only slack`). A lookup by id costs the same however many buttons the
 * app grows.
 *
 * An id is either exact or a pattern; exact ids are looked up first, then patterns in the order registered.
 * Registering an exact id twice on one surface is a programming error and throws. As with Bolt's defaults,
 * views are routed on submission (not on close) and options for block_suggestion requests.
 */
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  Middleware,
  OptionsSource,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

/** A handler: a Bolt listener for the payload type it chose. */
type Handler<Args> = Middleware<Args>;

/** The handlers of one surface by id. */
class Routes<Args> {
  private readonly exact = new Map<string, Handler<Args>>();
  private readonly patterns: { pattern: RegExp; handler: Handler<Args> }[] = [];

  constructor(private readonly surface: string) {}

  add(id: string | RegExp, handler: Handler<Args>): void {
    if (typeof id !== 'string') {
      this.patterns.push({ pattern: id, handler });
      return;
    }
    if (this.exact.has(id)) throw new Error(`Two ${this.surface} handlers for "${id}"`);
    this.exact.set(id, handler);
  }

  /** The handler for `id`, if any. */
  find(id: string): Handler<Args> | undefined {
    return this.exact.get(id) ?? this.patterns.find(({ pattern }) => pattern.test(id))?.handler;
  }
}

/** The app's handlers by surface and id, installed on Bolt as one global middleware. */
export class ListenerRouter {
  private readonly commands = new Routes<SlackCommandMiddlewareArgs>('command');
  private readonly events = new Routes<SlackEventMiddlewareArgs>('event');
  private readonly actions = new Routes<SlackActionMiddlewareArgs>('action');
  private readonly views = new Routes<SlackViewMiddlewareArgs>('view');
  private readonly optionLists = new Routes<SlackOptionsMiddlewareArgs>('options');

  /** A slash command, by its name (`/handbooks`). */
  command(name: string, handler: Handler<SlackCommandMiddlewareArgs>): void {
    this.commands.add(name, handler);
  }

  /** An Events API event, by its type (`app_mention`, `message`…). */
  event<Type extends string>(type: Type, handler: Handler<SlackEventMiddlewareArgs<Type>>): void {
    this.events.add(type, handler as unknown as Handler<SlackEventMiddlewareArgs>);
  }

  /** A block action (button click, selection), by action_id. */
  action<Action extends SlackAction = SlackAction>(actionId: string | RegExp, handler: Handler<SlackActionMiddlewareArgs<Action>>): void {
    this.actions.add(actionId, handler as unknown as Handler<SlackActionMiddlewareArgs>);
  }

  /** A view submission, by the view's callback_id. */
  view<ViewAction extends SlackViewAction = SlackViewAction>(callbackId: string | RegExp, handler: Handler<SlackViewMiddlewareArgs<ViewAction>>): void {
    this.views.add(callbackId, handler as unknown as Handler<SlackViewMiddlewareArgs>);
  }

  /** Options for an external select (block_suggestion), by the select's action_id. */
  options<Source extends OptionsSource = 'block_suggestion'>(actionId: string | RegExp, handler: Handler<SlackOptionsMiddlewareArgs<Source>>): void {
    this.optionLists.add(actionId, handler as unknown as Handler<SlackOptionsMiddlewareArgs>);
  }

  /**
   * Adds the router to `app` as global middleware; call once, after the app's other global middleware.
   * `beforeHandler` runs before each request that has a handler, and only then (such as looking up the
   * person's language, which a request nobody handles does not need).
   */
  install(app: App, beforeHandler?: (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>): void {
    app.use(async (args) => {
      const handler = this.handlerFor(args);
      if (handler) {
        await beforeHandler?.(args);
        await handler(args as never);
      }
      await args.next();
    });
  }

  /** The handler for a request, from the payload Bolt recognised (`command`, `event`, `action`…) and its id. */
  private handlerFor(args: AnyMiddlewareArgs): Handler<never> | undefined {
    const { type } = args.body as { type?: string };
    if ('command' in args) return this.commands.find(args.command.command);
    if ('event' in args) return this.events.find(args.event.type);
    if ('action' in args) return type === 'block_actions' && 'action_id' in args.action ? this.actions.find(args.action.action_id) : undefined;
    if ('view' in args) return type === 'view_submission' ? this.views.find(args.view.callback_id) : undefined;
    if ('options' in args) return type === 'block_suggestion' && 'action_id' in args.options ? this.optionLists.find(args.options.action_id) : undefined;
    return undefined;
  }
}
