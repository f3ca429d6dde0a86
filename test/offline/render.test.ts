/** The console's renderer on its own: mrkdwn as terminal text, and Block Kit (the app's real builders too) as lines. */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { ANSI_STYLE, MAX_SHOWN_URL, mrkdwnToText, PLAIN_STYLE } from '../../src/offline/console/mrkdwn-text.js';
import { renderBlocks } from '../../src/offline/console/render.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { detailsModal } from '../../src/slack/blocks/details.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.js';
import { translator } from '../../src/i18n/translator.js';

const en = translator('en');

const plain = (text: string) => mrkdwnToText(text, PLAIN_STYLE);
const ansi = (text: string) => mrkdwnToText(text, ANSI_STYLE);
const BOLD = (t: string) => `\x1b[1m${t}\x1b[22m`;

describe('mrkdwnToText', () => {
  it('shows bold, italic and strike with ANSI escapes, or drops the markers in plain text', () => {
    expect(ansi('a *bold* and _slanted_ and ~gone~ word')).toBe(`a ${BOLD('bold')} and \x1b[3mslanted\x1b[23m and \x1b[9mgone\x1b[29m word`);
    expect(plain('a *bold* and _slanted_ and ~gone~ word')).toBe('a bold and slanted and gone word');
    expect(plain('*Year*\n2020')).toBe('Year\n2020');
  });

  it('leaves markers that do not open or close a span alone', () => {
    expect(plain('2 * 3 * 4, snake_case_name, a*b*c, * loose*')).toBe('2 * 3 * 4, snake_case_name, a*b*c, * loose*');
  });

  it('shows links as "label (address)", bare addresses as they are, and a bold link in bold', () => {
    expect(plain('<https://example.org/a_b_c|The guide> and <https://example.org/x>')).toBe('The guide (https://example.org/a_b_c) and https://example.org/x');
    expect(ansi('*<https://example.org|Title>*')).toBe(BOLD('Title (https://example.org)'));
    expect(plain('<https://example.org/?a=1&amp;b=2|A &amp; B>')).toBe('A & B (https://example.org/?a=1&b=2)');
  });

  it('cuts very long addresses such as a prepared mailto: link', () => {
    const url = `mailto:pubs@example.org?body=${'x'.repeat(500)}`;
    const shown = plain(`<${url}|E-mail>`);
    expect(shown.length).toBeLessThan(MAX_SHOWN_URL + 20);
    expect(shown).toMatch(/^E-mail \(mailto:pubs@example\.org\?body=x+…\)$/);
  });

  it('shows mentions, channels and special mentions by name', () => {
    expect(plain('<@U123> in <#C1|general>, <#C2>, <!here>, <!subteam^S1|@team>, <!date^1|fallback>')).toBe('@U123 in #general, #C2, @here, @team, fallback');
  });

  it('turns escapes back into characters, so what a user typed reads as typed and never as markup', () => {
    const typed = '<!channel> & <@U1> *not bold*?';
    expect(plain(escapeMrkdwn(typed))).toBe('<!channel> & <@U1> not bold?');
    expect(plain('&lt;b&gt; &amp;lt;')).toBe('<b> &lt;');
  });

  it('keeps code as written, without emphasis inside', () => {
    expect(plain('Type `/handbooks *help*` or\n```\n*raw* &lt;x&gt;\n```')).toBe('Type `/handbooks *help*` or\n*raw* <x>');
  });
});

describe('renderBlocks', () => {
  const style = PLAIN_STYLE;

  it('draws headers, sections with fields, context lines and dividers', () => {
    const { lines, controls } = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Title' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Bold* line\nsecond' }, fields: [{ type: 'mrkdwn', text: '*Year*\n2020' }, { type: 'mrkdwn', text: '*List*\none\ntwo' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '4 results' }, { type: 'image', image_url: 'https://x', alt_text: 'logo' }] },
        { type: 'divider' },
        { type: 'video', title: { type: 'plain_text', text: 'x' } },
      ],
      { style },
    );
    expect(lines).toEqual(['', 'Title', '═════', 'Bold line', 'second', 'Year: 2020', 'List', '  one', '  two', '4 results · (logo)', '─'.repeat(40), '(a video block, not shown here)']);
    expect(controls).toEqual([]);
  });

  it('numbers buttons and menus from firstNumber, in actions blocks and beside sections', () => {
    const { lines, controls } = renderBlocks(
      [
        { type: 'section', block_id: 'b1', text: { type: 'mrkdwn', text: '*First title*\nmeta' }, accessory: { type: 'button', action_id: 'remove', text: { type: 'plain_text', text: 'Remove' }, value: 'k1' } },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' }, style: 'primary' },
            { type: 'button', action_id: 'link', text: { type: 'plain_text', text: 'Open' }, url: 'https://example.org' },
            { type: 'static_select', action_id: 'pick', placeholder: { type: 'plain_text', text: 'Choose' }, options: [] },
          ],
        },
      ],
      { style, firstNumber: 4 },
    );
    expect(lines).toEqual(['First title', 'meta', '  [4] Remove', '[5] Go  [6] Open (opens https://example.org)  [7] Choose ▾']);
    expect(controls.map((c) => [c.number, c.blockId, c.actionId, c.beside])).toEqual([
      [4, 'b1', 'remove', 'First title'],
      [5, 'standin-block-1', 'go', undefined],
      [6, 'standin-block-1', 'link', undefined],
      [7, 'standin-block-1', 'pick', undefined],
    ]);
  });

  it('shows an input block with its label, current value, hint and error', () => {
    const blocks = [
      {
        type: 'input',
        block_id: 'qty',
        label: { type: 'plain_text', text: 'Copies' },
        hint: { type: 'plain_text', text: '1 to 500' },
        element: { type: 'plain_text_input', action_id: 'quantity' },
      },
      { type: 'input', block_id: 'lang', optional: true, label: { type: 'plain_text', text: 'Edition' }, element: { type: 'static_select', action_id: 'language' } },
    ];
    const state = { qty: { quantity: { type: 'plain_text_input', value: '0' } }, lang: { language: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'French' }, value: 'fr' } } } };
    const { lines } = renderBlocks(blocks, { style, state, errors: { qty: 'Quantity must be from 1 to 500' } });
    expect(lines).toEqual(['▸ Copies: 0', '  1 to 500', '  ! Quantity must be from 1 to 500', '▸ Edition (optional): French']);
  });

  it('renders the app\'s own App Home and Details views readably', () => {
    const catalogue = loadCatalogue();
    const home = renderBlocks(homeView(catalogue, undefined, en).blocks, { style });
    expect(home.lines).toContain('Handbooks and manuals');
    expect(home.controls[0]).toMatchObject({ number: 1, actionId: ACTION.orderStart, label: 'Order print copies' });
    expect(home.lines.join('\n')).not.toMatch(/[*<>]|&amp;/);

    const publication = catalogue.find((p) => Object.keys(p.urls).length > 0) ?? catalogue[0]!;
    const details = renderBlocks(detailsModal(publication, { editable: false }, en).blocks, { style }).lines.join('\n');
    expect(details).toContain(`Year: ${publication.year}`);
    expect(details).toMatch(/publication page \(https?:\/\/\S+\)/);
  });
});
