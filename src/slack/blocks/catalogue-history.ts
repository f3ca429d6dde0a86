/**
 * `/handbooks admin history` and `/handbooks admin undo`: the live catalogue's latest changes (who, when,
 * what, in the reader's language) and what an undo took back. Titles are escaped and cut; a change names at
 * most a few of the titles it touched.
 */
import { outlineChange } from '../../catalogue/change-outline.js';
import type { CatalogueChange } from '../../catalogue/catalogue-store.js';
import type { Publication } from '../../catalogue/schema.js';
import { utcClockTime, type Translator } from '../../i18n/translator.js';
import { escapeMrkdwn, truncate } from '../mrkdwn.js';
import { context, header, section, type Block, type SlackMessage } from './kit.js';

/** Titles named per change, and their length at most: the rest are counted. */
const TITLES_NAMED = 3;
const NAMED_TITLE_MAX = 120;

/** The latest changes, newest first, one section each, and how to undo the latest. */
export function historyMessage(changes: readonly CatalogueChange[], t: Translator): SlackMessage {
  if (changes.length === 0) return { text: t('history.none'), blocks: [section(t('history.none'))] };
  const blocks: Block[] = [header(t('history.header')), ...changes.map((change) => section(changeText(change, t))), context(t('history.hint'))];
  return { text: t('history.header'), blocks };
}

/** What `undo` took back: the change undone, the entries restored and the titles removed. */
export function undoneMessage(undo: CatalogueChange, userId: string, t: Translator): SlackMessage {
  // The undo's entries go back to how they were: those it removes are the titles the undone change added.
  const { updated, removed } = outlineChange(undo.entries);
  const parts = [
    ...(updated.length > 0 ? [t('undo.restored', { count: updated.length, titles: namedTitles(updated, t) })] : []),
    ...(removed.length > 0 ? [t('undo.removed', { count: removed.length, titles: namedTitles(removed, t) })] : []),
  ];
  const text = t('undo.done', { seq: String(undo.undoes ?? ''), user: userId, what: parts.length > 0 ? t.list(parts) : t('undo.noEntries') });
  return { text, blocks: [section(text), context(t('undo.hint'))] };
}

/** "*#12* · Dec 2, 2026, 14:03 UTC · @someone\nImport: 3 added, 2 updated (A, B, C and 2 more)" */
function changeText(change: CatalogueChange, t: Translator): string {
  const when = t('history.when', { date: t.date(change.at), time: utcClockTime(change.at) });
  const who = change.actorId === '' ? t('history.byRepository') : `<@${change.actorId}>`;
  const undone = change.undoneBy === null ? '' : ` ${t('history.undoneBy', { seq: String(change.undoneBy) })}`;
  return `${t('history.line', { seq: String(change.seq), when, who })}\n${whatChanged(change, t)}${undone}`;
}

function whatChanged(change: CatalogueChange, t: Translator): string {
  const { added, updated, removed } = outlineChange(change.entries);
  switch (change.action) {
    case 'seed':
      return t('history.seed', { count: added.length });
    case 'import':
      return t('history.import', { added: added.length, updated: updated.length, titles: namedTitles([...added, ...updated], t) });
    case 'edit':
      return t('history.edit', { titles: namedTitles([...added, ...updated], t) });
    case 'undo':
      return t('history.undo', { seq: String(change.undoes ?? ''), restored: updated.length, removed: removed.length });
  }
}

/** "“A”, “B” and “C”", or the first few and how many more; "—" for none. */
function namedTitles(publications: readonly Publication[], t: Translator): string {
  if (publications.length === 0) return '—';
  const named = publications.slice(0, TITLES_NAMED).map((p) => t('common.quoted', { text: escapeMrkdwn(truncate(p.title, NAMED_TITLE_MAX)) }));
  const more = publications.length - named.length;
  return more > 0 ? t('history.titlesMore', { titles: named.join(', '), count: more }) : t.list(named);
}
