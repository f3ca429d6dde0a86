/**
 * What a catalogue admin sees of an import: the dry run (titles added, updated and unchanged, every
 * warning with its line, Apply and Discard), and what replaces it once applied or discarded. The buttons
 * carry the file and the catalogue version the dry run was made against, never the content.
 */
import type { ImportPlan } from '../../catalogue/import-plan.js';
import { planChanges } from '../../catalogue/import-plan.js';
import type { Publication } from '../../catalogue/schema.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translator.js';
import { escapeMrkdwn, LIMITS, plainEcho, truncate } from '../mrkdwn.js';
import { ACTION } from './action-ids.js';
import { importWarningText } from './import-findings.js';
import { actions, button, context, header, packLines, section, type Block, type SlackMessage } from './kit.js';

/** Titles listed under added, updated and unchanged before "… and N more". */
export const TITLES_SHOWN = { added: 10, updated: 10, unchanged: 5 } as const;
const HEADINGS = { added: 'import.added', updated: 'import.updated', unchanged: 'import.unchanged' } as const;
const TITLE_SHOWN_MAX = 120;
const WARNING_SHOWN_MAX = 600;
/** What "… and N more warnings, on lines" takes besides the numbers, in any language. */
const MORE_WARNINGS_ROOM = 80;
/** What a section block's JSON adds to its text. */
const SECTION_OVERHEAD = 60;

/** What the Apply and Discard buttons say: the shared file, the catalogue version of the dry run, the answer's language. */
export interface ImportRef {
  fileId: string;
  baseVersion: number;
  locale: Locale;
}

/** The value of Apply and Discard: `fileId:baseVersion:locale`. */
export function importValue({ fileId, baseVersion, locale }: ImportRef): string {
  return `${fileId}:${baseVersion}:${locale}`;
}

/** Reads a value made by importValue; undefined when it is not one. */
export function readImportValue(value: string | undefined): ImportRef | undefined {
  const match = /^([A-Z0-9]{1,40}):(\d{1,15}):([a-z]{2})$/.exec(value ?? '');
  if (!match || !isLocale(match[3])) return undefined;
  return { fileId: match[1] as string, baseVersion: Number(match[2]), locale: match[3] };
}

/**
 * The dry run of importing the file `name` (as the person named it; shown, never trusted): what it would
 * add, update and leave unchanged, its warnings with their lines, and Apply / Discard — or, when it changes
 * nothing, only that. With `changedMeanwhile`, it says first that the catalogue changed since the last dry run.
 * The warnings get what the rest leaves of the message's text budget (LIMITS.messageBlockText).
 */
export function importDryRunMessage(plan: ImportPlan, file: { id: string; name: string }, t: Translator, options: { changedMeanwhile?: boolean } = {}): SlackMessage {
  const before: Block[] = [header(t('import.header', { name: file.name }))];
  if (options.changedMeanwhile) before.push(section(t('import.changedMeanwhile')));
  for (const kind of ['added', 'updated', 'unchanged'] as const) {
    if (plan[kind].length > 0) before.push(section(titleList(t(HEADINGS[kind], { count: plan[kind].length }), plan[kind], TITLES_SHOWN[kind], t)));
  }
  if (plan.notListed.length > 0) before.push(context(t('import.notListed', { count: plan.notListed.length })));
  const after: Block[] = [];
  if (planChanges(plan)) {
    const value = importValue({ fileId: file.id, baseVersion: plan.baseVersion, locale: t.locale });
    after.push(context(t('import.applyHint')));
    after.push(
      actions([
        button({ text: t('button.apply'), actionId: ACTION.importApply, value, style: 'primary' }),
        button({ text: t('button.discard'), actionId: ACTION.importDiscard, value }),
      ]),
    );
  } else {
    after.push(section(t('import.nothingToChange')));
  }
  const budget = LIMITS.messageBlockText - serialisedLength([...before, ...after]);
  return { text: t('import.header', { name: plainEcho(file.name) }), blocks: [...before, ...warningBlocks(plan, budget, t), ...after] };
}

/** An upper bound of the text a block holds (its JSON), as the message budget counts it. */
function serialisedLength(blocks: readonly Block[]): number {
  return blocks.reduce((n, block) => n + JSON.stringify(block).length, 0);
}

/** A heading and the first `shown` titles as bullets, then "… and N more". */
function titleList(heading: string, publications: readonly Publication[], shown: number, t: Translator): string {
  const lines = publications.slice(0, shown).map((p) => `• ${escapeMrkdwn(truncate(p.title, TITLE_SHOWN_MAX))}`);
  const rest = publications.length - shown;
  if (rest > 0) lines.push(t('import.more', { count: rest }));
  return [heading, ...lines].join('\n');
}

/**
 * Every warning with its line and what it says in the reader's language, as many as fit `budget` characters while keeping room to name
 * the line of each one left, which closes the list ("… and 12 more warnings, on lines 40, 52 and 61").
 */
function warningBlocks(plan: ImportPlan, budget: number, t: Translator): Block[] {
  const { warnings } = plan;
  if (warnings.length === 0) return [context(t('import.noWarnings'))];
  const lines = warnings.map((w) => `• ${t('import.warningLine', { line: String(w.line), message: truncate(importWarningText(w, t), WARNING_SHOWN_MAX) })}`);
  // Room the line numbers of warnings i… take when summarised, and what each section block adds around its text.
  const summarised = warnings.map((w) => String(w.line).length + 2);
  const roomFrom = (i: number) => (i >= warnings.length ? 0 : MORE_WARNINGS_ROOM + summarised.slice(i).reduce((a, b) => a + b, 0));
  const sections = Math.ceil(budget / LIMITS.sectionText) + 1;
  let used = t('import.warnings', { count: warnings.length }).length + sections * SECTION_OVERHEAD;
  let shown = 0;
  while (shown < lines.length && used + (lines[shown] as string).length + 1 + roomFrom(shown + 1) <= budget) {
    used += (lines[shown] as string).length + 1;
    shown += 1;
  }
  const rest = warnings.slice(shown);
  const kept = lines.slice(0, shown);
  if (rest.length > 0) {
    const numbers = truncate(t.list(rest.map((w) => String(w.line))), Math.max(100, budget - used - MORE_WARNINGS_ROOM));
    kept.push(t('import.moreWarnings', { count: rest.length, lines: numbers }));
  }
  return packLines([t('import.warnings', { count: warnings.length }), ...kept], LIMITS.sectionText).map((text) => section(text));
}

/** What replaces the dry run once applied: by whom, and the counts. */
export function importAppliedMessage(plan: ImportPlan, file: { name: string }, userId: string, t: Translator): SlackMessage {
  const text = t('import.applied', {
    name: plainEcho(file.name),
    user: userId,
    added: plan.added.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged.length,
  });
  return { text, blocks: [section(text)] };
}

/** What replaces the dry run once discarded. */
export function importDiscardedMessage(userId: string, t: Translator): SlackMessage {
  const text = t('import.discarded', { user: userId });
  return { text, blocks: [section(text)] };
}
