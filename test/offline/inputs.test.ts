/** The console's reading of modal inputs: kinds, numbered options, picking by number or name, Slack's client checks. */
import { describe, expect, it } from 'vitest';
import {
  choiceLines,
  choiceState,
  fieldKind,
  inputFields,
  missingRequired,
  numberedChoices,
  pickChoices,
  renumbered,
  REQUIRED_MESSAGE,
  typedAnswer,
  type InputField,
} from '../../src/offline/console/inputs.js';
import { PLAIN_STYLE } from '../../src/offline/console/mrkdwn-text.js';

const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });
const style = PLAIN_STYLE;

function field(element: Record<string, unknown>, optional = false): InputField {
  const [f] = inputFields([{ type: 'input', block_id: 'b', optional, label: { type: 'plain_text', text: 'L' }, element: { action_id: 'a', ...element } }], style);
  if (!f) throw new Error('no field');
  return f;
}

describe('fields and their kinds', () => {
  it('reads input blocks in order, with the block_id Slack would give an unnamed block', () => {
    const fields = inputFields(
      [
        { type: 'section', text: { type: 'mrkdwn', text: 'x' } },
        { type: 'input', label: { type: 'plain_text', text: 'Address' }, hint: { type: 'plain_text', text: 'lines' }, element: { type: 'plain_text_input', action_id: 'address', multiline: true } },
        { type: 'input', block_id: 'add', dispatch_action: true, optional: true, label: { type: 'plain_text', text: 'Add' }, element: { type: 'external_select', action_id: 'add' } },
      ],
      style,
    );
    expect(fields.map((f) => [f.blockId, f.actionId, f.kind, f.label, f.hint, f.optional, f.dispatchAction])).toEqual([
      ['standin-block-1', 'address', 'multiline', 'Address', 'lines', false, false],
      ['add', 'add', 'search', 'Add', '', true, true],
    ]);
  });

  it('knows how each element is answered', () => {
    const kinds = ['plain_text_input', 'number_input', 'email_text_input', 'static_select', 'radio_buttons', 'checkboxes', 'multi_static_select', 'external_select', 'multi_external_select', 'datepicker', 'file_input', 'toString'];
    expect(kinds.map((type) => fieldKind({ type }))).toEqual(['text', 'text', 'text', 'choice', 'choice', 'choices', 'choices', 'search', 'searches', 'pick', 'unsupported', 'unsupported']);
  });
});

describe('choices', () => {
  const element = {
    option_groups: [
      { label: { type: 'plain_text', text: 'S' }, options: [option('Switzerland', 'CH'), option('Spain', 'ES')] },
      { label: { type: 'plain_text', text: 'U' }, options: [option('United Kingdom', 'GB'), option('United States of America', 'US')] },
    ],
  };
  const choices = numberedChoices(element, style);

  it('numbers options across their groups and lists them under their headings', () => {
    expect(choiceLines(choices)).toEqual(['  S:', '    1. Switzerland', '    2. Spain', '  U:', '    3. United Kingdom', '    4. United States of America']);
  });

  it('picks by number, exact text or value, or the start of one word of exactly one option', () => {
    const pick = (line: string) => {
      const result = pickChoices(line, choices, false);
      return 'picked' in result ? result.picked.map((c) => c.option.value) : result.matches.map((c) => c.text);
    };
    expect(pick('2')).toEqual(['ES']);
    expect(pick('spain')).toEqual(['ES']);
    expect(pick('us')).toEqual(['US']);
    expect(pick('switz')).toEqual(['CH']);
    expect(pick('kingdom')).toEqual(['GB']);
    expect(pick('united')).toEqual(['United Kingdom', 'United States of America']);
    expect(pick('9')).toEqual([]);
    expect(pick('x')).toEqual([]);
  });

  it('takes numbers from the list shown (a filtered list numbered from 1) and names from every option', () => {
    const shown = renumbered(choices.slice(2));
    expect(choiceLines(shown)).toEqual(['  U:', '    1. United Kingdom', '    2. United States of America']);
    const pick = (line: string) => {
      const result = pickChoices(line, choices, true, shown);
      return 'picked' in result ? result.picked.map((c) => c.option.value) : result;
    };
    expect(pick('1')).toEqual(['GB']);
    expect(pick('2, spain')).toEqual(['US', 'ES']);
    expect(pick('1, 3')).toEqual({ matches: [], part: '3' });
  });

  it('picks several by numbers or names, and keeps whole option objects in the state', () => {
    const many = pickChoices('1, 3 4', choices, true);
    expect('picked' in many && many.picked.map((c) => c.number)).toEqual([1, 3, 4]);
    const checkboxes = field({ type: 'checkboxes', options: [option('A', 'a')] });
    expect(choiceState(checkboxes, [choices[0]!])).toEqual({ selected_options: [option('Switzerland', 'CH')] });
    expect(choiceState(field({ type: 'static_select' }), [choices[1]!])).toEqual({ selected_option: option('Spain', 'ES') });
  });
});

describe('typed answers and Slack client checks', () => {
  it('checks numbers, e-mail addresses, lengths, dates and times before anything is sent', () => {
    const problem = (element: Record<string, unknown>, text: string) => {
      const answer = typedAnswer(field(element), text);
      return answer.ok ? answer.state : answer.error;
    };
    expect(problem({ type: 'number_input', is_decimal_allowed: false, min_value: '1', max_value: '500' }, '3')).toEqual({ value: '3' });
    expect(problem({ type: 'number_input', is_decimal_allowed: false }, '2.5')).toBe('Enter a whole number.');
    expect(problem({ type: 'number_input', is_decimal_allowed: false, max_value: '500' }, '501')).toBe('Enter a number of at most 500.');
    expect(problem({ type: 'email_text_input' }, 'alex.example.org')).toMatch(/e-mail address/);
    expect(problem({ type: 'plain_text_input', max_length: 3 }, 'abcd')).toBe('Use 3 characters or fewer.');
    expect(problem({ type: 'datepicker' }, '2026-02-30x')).toBe('Enter a date as YYYY-MM-DD.');
    expect(problem({ type: 'datepicker' }, '2026-02-03')).toEqual({ selected_date: '2026-02-03' });
    expect(problem({ type: 'timepicker' }, '24:00')).toBe('Enter a time as HH:MM.');
  });

  it('finds required fields left empty, as Slack\'s client refuses to submit them', () => {
    const fields = inputFields(
      [
        { type: 'input', block_id: 'name', label: { type: 'plain_text', text: 'Name' }, element: { type: 'plain_text_input', action_id: 'name' } },
        { type: 'input', block_id: 'zip', optional: true, label: { type: 'plain_text', text: 'Zip' }, element: { type: 'plain_text_input', action_id: 'zip' } },
        { type: 'input', block_id: 'country', label: { type: 'plain_text', text: 'Country' }, element: { type: 'static_select', action_id: 'country' } },
      ],
      style,
    );
    const state = {
      name: { name: { type: 'plain_text_input', value: null } },
      zip: { zip: { type: 'plain_text_input', value: null } },
      country: { country: { type: 'static_select', selected_option: option('Spain', 'ES') } },
    };
    expect(missingRequired(fields, state)).toEqual({ name: REQUIRED_MESSAGE });
  });
});
