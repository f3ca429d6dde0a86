/** The order dialog's pure parts: the draft in private_metadata, options, step views within limits, error mapping, DM intent. */
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../src/orders/countries.js';
import { MAX_ORDER_LINES } from '../../src/orders/schema.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { checkBlockKitLimits } from '../../src/slack/limits-check.js';
import { deliveryStepView, itemsStepView, paymentStepView, stepErrors } from '../../src/slack/blocks/order-dialog.js';
import { ORDER_BLOCK } from '../../src/slack/blocks/order-ids.js';
import { matchingPublications, orderPreselection, publicationOptions } from '../../src/slack/blocks/order-options.js';
import { addLine, decodeDraft, DraftTooLargeError, encodeDraft, newDraft, type OrderDraftState } from '../../src/slack/order-draft.js';
import { FRAMEWORK, HANDBOOK } from '../orders/fixtures.js';
import { makePublication, manyPublications } from './publications.js';
import { translator } from '../../src/i18n/translator.js';

const en = translator('en');

const lookup = (id: string) => [HANDBOOK, FRAMEWORK].find((p) => p.id === id);

/** MAX_ORDER_LINES titles with the longest ids the catalogue allows (80 characters), long titles and three editions. */
const LONG = manyPublications(MAX_ORDER_LINES, { languages: ['en', 'fr', 'es'] }).map((p, i) => ({
  ...p,
  id: `${'x'.repeat(76)}-${String(i).padStart(3, '0')}`,
  title: 'T'.repeat(400),
}));

/** A draft with a line for each of LONG. */
function fullDraft(): OrderDraftState {
  return LONG.reduce((d, p) => addLine(d, p), newDraft('en'));
}

describe('the draft in private_metadata', () => {
  it('round-trips every entry', () => {
    const draft: OrderDraftState = {
      ...addLine(addLine(newDraft('en', HANDBOOK), FRAMEWORK), HANDBOOK),
      delivery: { name: 'Ana "A" <Pérez>', address: 'Line 1\nLine 2', country: 'CH', city: 'Genève', postalCode: '', telephone: '+41', email: 'a@b.org' },
      payment: { currency: 'EUR', method: 'check' },
    };
    expect(decodeDraft(encodeDraft(draft))).toEqual(draft);
    const reviewed = { ...draft, reviewedPrices: '0badcafe' };
    expect(decodeDraft(encodeDraft(reviewed))).toEqual(reviewed);
  });

  it('fits the longest order with a profile-sized delivery, and refuses what cannot fit', () => {
    const draft = { ...fullDraft(), delivery: { name: 'N'.repeat(100), address: '', country: '', city: '', postalCode: '', telephone: '+41 22 717 9111', email: `${'e'.repeat(60)}@example.org` } };
    expect(draft.lines).toHaveLength(MAX_ORDER_LINES);
    expect(encodeDraft(draft).length).toBeLessThanOrEqual(3000);
    const huge = { ...draft, delivery: { ...draft.delivery, address: '"'.repeat(400), email: 'x'.repeat(254) } };
    expect(() => encodeDraft(huge)).toThrow(DraftTooLargeError);
  });

  it('reads anything else as no draft', () => {
    for (const text of ['', 'not json', '[2,1,[],0,["",""]]', '{"lines":[]}', '[1,1,[],0,["",""],"en","not a key"]', '[1,1,[],0,["",""],"xx"]']) {
      expect(decodeDraft(text)).toBeUndefined();
    }
  });
});

describe('the searchable publication select', () => {
  const engine = createSearchEngine(manyPublications(150));

  it('answers with at most 100 options, each within the option limits', () => {
    const { options } = publicationOptions(engine, '', en);
    expect(options).toHaveLength(100);
    for (const o of options) {
      expect(o.text.text.length).toBeLessThanOrEqual(75);
      expect(o.value?.length).toBeLessThanOrEqual(75);
    }
  });

  it('puts titles containing every typed word first', () => {
    expect(matchingPublications(engine, 'number 142').map((p) => p.id)[0]).toBe('pub-142');
  });
});

describe('what typed words find', () => {
  const engine = createSearchEngine([
    makePublication({ id: 'agenda', title: 'Migration and the 2030 Agenda: A Guide for Practitioners', year: 2018 }),
    makePublication({ id: 'business', title: 'Doing Business - Practical Guide for migrant entrepreneurs', year: 2019 }),
    makePublication({ id: 'trafficking', title: 'Counter-Trafficking Handbook', year: 2019 }),
  ]);
  const ids = (typed: string) => matchingPublications(engine, typed).map((p) => p.id);

  it('offers nothing for a query with no letters, unless it is a number as long as a year', () => {
    for (const typed of ['0', '-', ' - ', '...', '12']) expect(ids(typed)).toEqual([]);
    expect(ids('2030')).toEqual(['agenda']);
    expect(ids('guide')).toEqual(['agenda', 'business']);
    expect(ids(' ')).toHaveLength(3);
  });

  it('pre-selects a title for /handbooks order only when the search clearly ranks it first', () => {
    expect(orderPreselection(engine, 'doing business entrepreneurs')).toEqual({ publication: expect.objectContaining({ id: 'business' }) });
    expect(orderPreselection(engine, 'guide')).toEqual({ matches: 2, candidates: expect.arrayContaining([expect.objectContaining({ id: 'agenda' }), expect.objectContaining({ id: 'business' })]) });
    expect(orderPreselection(engine, 'xyzzy')).toEqual({ matches: 0, candidates: [] });
    expect(orderPreselection(engine, '-')).toEqual({ matches: 0, candidates: [] });
  });
});

describe('step views', () => {
  it('stay within Block Kit limits with the most lines and the whole country list', () => {
    const draft = fullDraft();
    const items = itemsStepView(draft, (id) => LONG.find((p) => p.id === id), en);
    expect(items.blocks).toHaveLength(2 + 3 * MAX_ORDER_LINES);
    expect(checkBlockKitLimits('modal', items)).toEqual([]);
    expect(checkBlockKitLimits('modal', deliveryStepView({ ...draft, delivery: null }, en))).toEqual([]);
    expect(checkBlockKitLimits('modal', paymentStepView(draft, en))).toEqual([]);
  });

  it('offer every country, in groups a static select accepts', () => {
    const view = deliveryStepView(newDraft('en'), en);
    const country = view.blocks.find((b) => b.block_id === ORDER_BLOCK.field('country')) as { element: { option_groups: { options: { value: string }[] }[] } };
    const groups = country.element.option_groups;
    expect(groups.every((g) => g.options.length <= 100)).toBe(true);
    expect(groups.flatMap((g) => g.options.map((o) => o.value)).sort()).toEqual(COUNTRIES.map((c) => c.code).sort());
  });

  it('map each validation error to the input block it concerns', () => {
    const draft = addLine(addLine(newDraft('en'), HANDBOOK), FRAMEWORK);
    expect(
      stepErrors(
        draft,
        lookup,
        {
          'items.0.language': { code: 'language' },
          'items.1.language': { code: 'chooseEdition', title: FRAMEWORK.title },
          'items.1.quantity': { code: 'quantity' },
          items: { code: 'items' },
          email: { code: 'email' },
        },
        en,
      ),
    ).toEqual({
      [ORDER_BLOCK.language(1)]: 'Choose a language edition',
      [ORDER_BLOCK.quantity(2)]: 'Choose a language edition of “Institutional Framework for Addressing Gender-Based Violenc…”; Quantity must be a whole number from 1 to 500',
      [ORDER_BLOCK.add(3)]: 'Add at least one publication',
      [ORDER_BLOCK.field('email')]: 'Enter an e-mail address such as name@example.org',
    });
  });
});
