/**
 * The listener router inside a real Bolt app (Bolt's own processEvent: its global middleware, payload
 * recognition and listener stage), fed request bodies as Bolt's receivers pass them on.
 */
import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ListenerRouter } from '../../src/slack/router.js';
import { createLogger } from '../../src/slack/logger.js';

const noReceiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

/** A Bolt app with the router installed, recording which handler got each request; `bolt` records Bolt's own listener. */
function appWith(register: (router: ListenerRouter, seen: string[]) => void, beforeHandler?: Parameters<ListenerRouter['install']>[1]) {
  const logger = createLogger('error', () => undefined);
  const app = new App({ token: 'xoxb-test', receiver: noReceiver, logger, botId: 'B0BOT', botUserId: 'U0BOT', tokenVerificationEnabled: false, convoStore: false });
  const seen: string[] = [];
  const router = new ListenerRouter();
  register(router, seen);
  router.install(app, beforeHandler);
  app.action(/.*/, async () => {
    seen.push('bolt listener');
  });
  const send = async (body: Record<string, unknown>) => {
    let acked = false;
    await app.processEvent({ body, ack: async () => void (acked = true) });
    return acked;
  };
  return { seen, send };
}

const team = { id: 'T0TEAM' };
const user = { id: 'U0ALICE' };
const blockAction = (actionId: string) => ({
  type: 'block_actions',
  team,
  user,
  trigger_id: 't',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v', action_ts: '1' }],
});
const view = (type: 'view_submission' | 'view_closed', callbackId: string) => ({ type, team, user, view: { id: 'V1', callback_id: callbackId, state: { values: {} } } });

describe('ListenerRouter', () => {
  it('runs the step before a handler only for requests it handles, with the same context', async () => {
    const prepared: string[] = [];
    const { seen, send } = appWith(
      (router, seen) => {
        router.action('known', async ({ ack, context }) => {
          await ack();
          seen.push(`known for ${String(context.preparedFor)}`);
        });
      },
      async ({ body, context }) => {
        const id = (body as { actions: { action_id: string }[] }).actions[0]?.action_id ?? '';
        prepared.push(id);
        context.preparedFor = id;
      },
    );
    await send(blockAction('known'));
    await send(blockAction('unknown'));
    expect(prepared).toEqual(['known']);
    expect(seen).toEqual(['known for known', 'bolt listener', 'bolt listener']);
  });

  it('hands each request to the handler of its id: exact ids first, then patterns in order', async () => {
    const { seen, send } = appWith((router, seen) => {
      router.action(/^page_/, async ({ ack, action }) => {
        await ack();
        seen.push(`page pattern ${'action_id' in action ? action.action_id : ''}`);
      });
      router.action(/^page_\d$/, async ({ ack }) => {
        await ack();
        seen.push('later pattern');
      });
      router.action('page_exact', async ({ ack }) => {
        await ack();
        seen.push('exact');
      });
    });
    expect(await send(blockAction('page_exact'))).toBe(true);
    expect(await send(blockAction('page_2'))).toBe(true);
    expect(await send(blockAction('unknown'))).toBe(false);
    expect(seen).toEqual(['exact', 'bolt listener', 'page pattern page_2', 'bolt listener', 'bolt listener']);
  });

  it('routes commands by name, events by type, view submissions (not closes) by callback_id and block suggestions by action_id', async () => {
    const { seen, send } = appWith((router, seen) => {
      router.command('/handbooks', async ({ ack, command }) => {
        await ack();
        seen.push(`command ${command.text}`);
      });
      router.event('app_mention', async ({ event }) => {
        seen.push(`mention ${event.text}`);
      });
      router.view('order_step', async ({ ack }) => {
        await ack();
        seen.push('view');
      });
      router.options('pick', async ({ ack, options }) => {
        await ack({ options: [] });
        seen.push(`options ${options.value}`);
      });
    });
    await send({ command: '/handbooks', text: 'gbv', team_id: 'T0TEAM', user_id: user.id, channel_id: 'C1', trigger_id: 't' });
    await send({ command: '/other', text: 'x', team_id: 'T0TEAM', user_id: user.id, channel_id: 'C1', trigger_id: 't' });
    await send({ type: 'event_callback', team_id: 'T0TEAM', event_id: 'Ev1', event: { type: 'app_mention', user: user.id, text: 'hello', ts: '1.1', channel: 'C1' } });
    await send({ type: 'event_callback', team_id: 'T0TEAM', event_id: 'Ev2', event: { type: 'reaction_added', user: user.id, ts: '1.2' } });
    expect(await send(view('view_submission', 'order_step'))).toBe(true);
    expect(await send(view('view_closed', 'order_step'))).toBe(false);
    await send({ type: 'block_suggestion', team, user, action_id: 'pick', block_id: 'b', value: 'mig' });
    expect(seen).toEqual(['command gbv', 'mention hello', 'view', 'options mig']);
  });

  it('refuses a second handler for the same exact id on one surface', () => {
    const router = new ListenerRouter();
    router.action('details', async () => undefined);
    router.view('details', async () => undefined);
    expect(() => router.action('details', async () => undefined)).toThrow('Two action handlers for "details"');
  });
});
