/** From a posted link to the title and edition whose recorded page it is (src/catalogue/page-lookup.ts). */
import { describe, expect, it } from 'vitest';
import { findPublicationPage, pageKey } from '../../src/catalogue/page-lookup.js';
import { makePublication } from '../slack/publications.js';

const TOOLKIT = makePublication({
  id: 'campaign-toolkit',
  title: 'IOM Public Communication Campaign Toolkit',
  languages: ['en', 'fr', 'es'],
  urls: {
    en: 'https://publications.iom.int/books/iom-public-communication-campaign-toolkit',
    fr: 'https://publications.iom.int/fr/books/boite-outils-campagnes',
  },
});
const PORTAL = makePublication({ id: 'reintegration-portal', title: 'Reintegration Handbook', languages: ['en'], urls: { en: 'https://reintegrationhb.iom.int' } });
const CATALOGUE = [TOOLKIT, PORTAL];

describe('pageKey', () => {
  it('reads variants of one address alike: scheme, www., case of the host, trailing slash, query string and fragment', () => {
    const key = 'publications.iom.int/books/x';
    for (const address of [
      'https://publications.iom.int/books/x',
      'http://publications.iom.int/books/x',
      'https://www.publications.iom.int/books/x',
      'https://Publications.IOM.int/books/x',
      'https://publications.iom.int/books/x/',
      'https://publications.iom.int/books/x?utm_source=slack&utm_medium=chat',
      'https://publications.iom.int/books/x#summary',
      ' https://WWW.publications.iom.int:443/books/x//?a=1#b ',
    ]) {
      expect(pageKey(address), address).toBe(key);
    }
  });

  it('keeps what tells pages apart: the path (in its case), another host, a port', () => {
    expect(pageKey('https://publications.iom.int/books/X')).toBe('publications.iom.int/books/X');
    expect(pageKey('https://publications.iom.int/fr/books/x')).toBe('publications.iom.int/fr/books/x');
    expect(pageKey('https://iom.int/books/x')).toBe('iom.int/books/x');
    expect(pageKey('https://publications.iom.int:8443/books/x')).toBe('publications.iom.int:8443/books/x');
    expect(pageKey('https://reintegrationhb.iom.int/')).toBe('reintegrationhb.iom.int');
  });

  it('is undefined for what is no web address', () => {
    for (const address of ['', 'publications.iom.int/books/x', 'mailto:pub@iom.int', 'ftp://publications.iom.int/books/x', 'https://']) {
      expect(pageKey(address), address).toBeUndefined();
    }
  });
});

describe('findPublicationPage', () => {
  it('finds the title and the edition whose page a link is, however the link is varied', () => {
    expect(findPublicationPage(CATALOGUE, 'https://publications.iom.int/books/iom-public-communication-campaign-toolkit')).toEqual({ publication: TOOLKIT, edition: 'en' });
    expect(findPublicationPage(CATALOGUE, 'http://www.publications.iom.int/fr/books/boite-outils-campagnes/?ref=mail')).toEqual({ publication: TOOLKIT, edition: 'fr' });
    expect(findPublicationPage(CATALOGUE, 'https://REINTEGRATIONHB.iom.int/#start')).toEqual({ publication: PORTAL, edition: 'en' });
  });

  it('finds nothing for a page no title records: another page of the site, another site language, an unknown host', () => {
    for (const link of [
      'https://publications.iom.int/books/another-title',
      'https://publications.iom.int/es/books/iom-public-communication-campaign-toolkit',
      'https://publications.iom.int/',
      'https://reintegrationhb.iom.int/modules',
      'https://example.org/books/iom-public-communication-campaign-toolkit',
      'not a link',
    ]) {
      expect(findPublicationPage(CATALOGUE, link), link).toBeUndefined();
    }
  });

  it('looks in the catalogue it is given each time: a page recorded since is found, one removed is not', () => {
    const link = 'https://publications.iom.int/books/new-manual';
    expect(findPublicationPage(CATALOGUE, link)).toBeUndefined();
    const added = makePublication({ id: 'new-manual', urls: { en: link } });
    expect(findPublicationPage([...CATALOGUE, added], link)).toEqual({ publication: added, edition: 'en' });
    const moved = { ...TOOLKIT, urls: { en: 'https://publications.iom.int/books/toolkit-2nd-edition' } };
    expect(findPublicationPage([moved, PORTAL], 'https://publications.iom.int/books/iom-public-communication-campaign-toolkit')).toBeUndefined();
    expect(findPublicationPage([moved, PORTAL], 'https://publications.iom.int/books/toolkit-2nd-edition')).toEqual({ publication: moved, edition: 'en' });
  });

  it('takes the first title in catalogue order when two record the same page', () => {
    const twin = makePublication({ id: 'twin', urls: { en: 'https://reintegrationhb.iom.int/' } });
    expect(findPublicationPage([twin, PORTAL], 'https://reintegrationhb.iom.int')?.publication).toBe(twin);
    expect(findPublicationPage([PORTAL, twin], 'https://reintegrationhb.iom.int')?.publication).toBe(PORTAL);
  });
});
