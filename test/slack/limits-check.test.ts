import { describe, expect, it } from 'vitest';
import { checkBlockKitLimits } from '../../src/slack/limits-check.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const paths = (kind: 'message' | 'modal' | 'home', payload: unknown) => checkBlockKitLimits(kind, payload).map((v) => v.path);

describe('checkBlockKitLimits', () => {
  it('accepts a payload at the limits', () => {
    const message = {
      text: 'fallback',
      blocks: [
        { type: 'header', text: plain('h'.repeat(150)) },
        { type: 'section', block_id: 'a', text: mrkdwn('s'.repeat(3000)), fields: Array.from({ length: 10 }, () => mrkdwn('f'.repeat(200))) },
        {
          type: 'actions',
          block_id: 'b',
          elements: [{ type: 'button', action_id: 'x'.repeat(255), text: plain('b'.repeat(75)), value: 'v'.repeat(2000), url: `https://e.org/${'u'.repeat(2980)}` }],
        },
        { type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('c')) },
      ],
    };
    expect(checkBlockKitLimits('message', message)).toEqual([]);
  });

  it('reports each limit one past it, with where it is', () => {
    const options = (n: number, text = 'o') => Array.from({ length: n }, (_, i) => ({ text: plain(text), value: `v${i}` }));
    const message = {
      blocks: [
        { type: 'header', text: mrkdwn('h'.repeat(151)) },
        { type: 'section', block_id: 'same', text: mrkdwn('s'.repeat(3001)), fields: Array.from({ length: 11 }, () => mrkdwn('f')) },
        { type: 'section', block_id: 'same', fields: [mrkdwn('f'.repeat(2001))] },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'x'.repeat(256), text: plain('b'.repeat(76)), value: 'v'.repeat(2001), url: 'u'.repeat(3001) },
            { type: 'static_select', action_id: 's', options: options(101) },
            { type: 'static_select', action_id: 't', options: [{ text: plain('o'.repeat(76)), value: 'v'.repeat(76) }] },
            ...Array.from({ length: 23 }, (_, i) => ({ type: 'button', action_id: `k${i}`, text: plain('k') })),
          ],
        },
        { type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) },
      ],
    };
    expect(paths('message', message)).toEqual([
      'blocks[0].text',
      'blocks[0].text',
      'blocks[1].text',
      'blocks[1].fields',
      'blocks[2].block_id',
      'blocks[2].fields[0]',
      'blocks[3].elements',
      'blocks[3].elements[0].action_id',
      'blocks[3].elements[0].text',
      'blocks[3].elements[0].value',
      'blocks[3].elements[0].url',
      'blocks[3].elements[1].options',
      'blocks[3].elements[2].options[0].text',
      'blocks[3].elements[2].options[0].value',
      'blocks[4].elements',
    ]);
  });

  it('counts blocks per surface and total text per message', () => {
    const blocks = (n: number, text = 't') => Array.from({ length: n }, () => ({ type: 'section', text: mrkdwn(text) }));
    expect(paths('message', { blocks: blocks(50) })).toEqual([]);
    expect(paths('message', { blocks: blocks(51) })).toEqual(['blocks']);
    expect(paths('home', { type: 'home', blocks: blocks(100) })).toEqual([]);
    expect(paths('home', { type: 'home', blocks: blocks(101) })).toEqual(['blocks']);
    expect(checkBlockKitLimits('message', { blocks: blocks(5, 's'.repeat(2500)) })[0]?.message).toMatch(/12500 characters/);
  });

  it('checks modal title, buttons, metadata and the submit an input needs', () => {
    const modal = {
      type: 'modal',
      title: plain('t'.repeat(25)),
      close: plain('c'.repeat(25)),
      private_metadata: 'm'.repeat(3001),
      callback_id: 'order',
      blocks: [{ type: 'input', block_id: 'q', label: plain('Quantity'), element: { type: 'plain_text_input', action_id: 'q' } }],
    };
    expect(paths('modal', modal)).toEqual(['private_metadata', 'title', 'close', 'submit']);
    expect(paths('modal', { ...modal, title: plain('Order a print copy'), close: plain('Cancel'), private_metadata: '{}', submit: plain('Send') })).toEqual([]);
  });

  it('checks the options answering a block_suggestion', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ text: plain(`Title ${i}`), value: `id-${i}` }));
    expect(checkBlockKitLimits('options', { options: options(100) })).toEqual([]);
    expect(checkBlockKitLimits('options', { options: options(101) }).map((v) => v.path)).toEqual(['options']);
    const long = { text: plain('t'.repeat(76)), value: 'v'.repeat(76), description: plain('d'.repeat(76)) };
    expect(checkBlockKitLimits('options', { options: [long] }).map((v) => v.path)).toEqual(['options[0].text', 'options[0].value', 'options[0].description']);
    expect(checkBlockKitLimits('options', { option_groups: [{ label: plain('l'.repeat(76)), options: [long] }] }).map((v) => v.path)).toEqual([
      'option_groups[0].label',
      'option_groups[0].options[0].text',
      'option_groups[0].options[0].value',
      'option_groups[0].options[0].description',
    ]);
  });

  it('checks the messages of a response_action errors acknowledgement', () => {
    expect(checkBlockKitLimits('errors', { response_action: 'errors', errors: { order_name: 'n'.repeat(2000) } })).toEqual([]);
    expect(checkBlockKitLimits('errors', { response_action: 'errors', errors: { order_name: 'n'.repeat(2001) } }).map((v) => v.path)).toEqual(['errors.order_name']);
    expect(checkBlockKitLimits('errors', { response_action: 'update' }).map((v) => v.path)).toEqual(['errors']);
  });

  it('refuses input blocks in messages and a view of the wrong type', () => {
    expect(paths('message', { blocks: [{ type: 'input', label: plain('x'), element: { type: 'plain_text_input', action_id: 'x' } }] })).toEqual(['blocks[0]']);
    expect(paths('home', { type: 'modal', blocks: [] })).toEqual(['type']);
  });
});
