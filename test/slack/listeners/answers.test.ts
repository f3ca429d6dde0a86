import { describe, expect, it } from 'vitest';
import { canShareIn, parseRequest, readConversation } from '../../../src/slack/listeners/answers.js';
import { stripBotMention } from '../../../src/slack/listeners/events.js';

describe('parseRequest', () => {
  it('reads subcommands, treats empty text as help and anything else as a search', () => {
    expect(parseRequest('  ')).toEqual({ kind: 'help' });
    expect(parseRequest('HELP')).toEqual({ kind: 'help' });
    expect(parseRequest('help with trafficking')).toEqual({ kind: 'search', query: 'help with trafficking' });
    expect(parseRequest('list')).toEqual({ kind: 'list', filter: '' });
    expect(parseRequest('list  spanish 2019')).toEqual({ kind: 'list', filter: 'spanish 2019' });
    expect(parseRequest('order')).toEqual({ kind: 'order', rest: '' });
    expect(parseRequest('orders')).toEqual({ kind: 'orders', rest: '' });
    expect(parseRequest('frobnicate the manuals')).toEqual({ kind: 'search', query: 'frobnicate the manuals' });
  });
});

describe('stripBotMention', () => {
  it('removes the bot mention wherever it is, leaving other mentions for escaping', () => {
    expect(stripBotMention('<@UBOT> trafficking <@U123>', 'UBOT')).toBe('trafficking <@U123>');
    expect(stripBotMention('what about <@UBOT|handbooks> gbv?', 'UBOT')).toBe('what about gbv?');
  });
});

describe('canShareIn', () => {
  it('offers sharing in channels, not in direct messages', () => {
    expect(canShareIn('C0GENERAL')).toBe(true);
    expect(canShareIn('G0PRIVATE')).toBe(true);
    expect(canShareIn('D0DM')).toBe(false);
    expect(canShareIn(undefined)).toBe(false);
  });
});

describe('readConversation', () => {
  it('reads what the words ask for first, then the list subcommand, else a search of the Slack text as typed', () => {
    expect(readConversation('list my orders')).toEqual({ kind: 'myOrders' });
    expect(readConversation('list spanish')).toEqual({ kind: 'list', filter: 'spanish' });
    expect(readConversation('<!here> *thanks*!')).toEqual({ kind: 'thanks' });
    expect(readConversation(':+1::skin-tone-2:')).toEqual({ kind: 'thanks' });
    expect(readConversation(':wave:')).toEqual({ kind: 'greeting' });
    expect(readConversation('<!here> GBV')).toEqual({ kind: 'search', query: '<!here> GBV' });
    expect(readConversation('order 5 copies of the GBV framework')).toEqual({ kind: 'order', request: { titleWords: 'GBV framework', quantity: 5 } });
  });
});
