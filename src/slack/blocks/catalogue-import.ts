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
import { actions, button, context, header, packLines, section, type Block, type SlackMessage } from './kit.js';

/** Titles listed under added, updated and unchanged before "… and N more". */
export const TITLES_SHOWN = { added: 15, updated: 15, unchanged: 5 } as const;
/** Characters of warnings shown before the rest are summarised by their line numbers. */
export const WARNINGS_SHOWN_CHARS = 6000;
const TITLE_SHOWN_MAX = 150;
const WARNING_SHOWN_MAX = 600;

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
 */
export function importDryRunMessage(plan: ImportPlan, file: { id: string; name: string }, t: Translator, options: { changedMeanwhile?: boolean } = {}): SlackMessage {
  const name = plainEcho(file.name);
  const blocks: Block[] = [header(t('import.header', { name: file.name }))];
  if (options.changedMeanwhile) blocks.push(section(t('import.changedMeanwhile')));
  const titleSections = (['added', 'updated', 'unchanged'] as const).flatMap((kind) =>
    plan[kind].length === 0 ? [] : [titleList(t(`import.${kind}`, { count: plan[kind].length }), plan[kind], TITLES_SHOWN[kind], t)],
  );
  blocks.push(...titleSections.map((text) => section(text)));
  if (plan.notListed.length > 0) blocks.push(context(t('import.notListed', { count: plan.notListed.length })));
  blocks.push(...warningBlocks(plan, t));
  const changes = planChanges(plan);
  if (changes) {
    const value = importValue({ fileId: file.id, baseVersion: plan.baseVersion, locale: t.locale });
    blocks.push(context(t('import.applyHint')));
    blocks.push(
      actions([
        button({ text: t('button.apply'), actionId: ACTION.importApply, value, style: 'primary' }),
        button({ text: t('button.discard'), actionId: ACTION.importDiscard, value }),
      ]),
    );
  } else {
    blocks.push(section(t('import.nothingToChange')));
  }
  return { text: t('import.header', { name }), blocks };
}

/** A heading and the first `shown` titles as bullets, then "… and N more". */
function titleList(heading: string, publications: readonly Publication[], shown: number, t: Translator): string {
  const lines = publications.slice(0, shown).map((p) => `• ${escapeMrkdwn(truncate(p.title, TITLE_SHOWN_MAX))}`);
  const rest = publications.length - shown;
  if (rest > 0) lines.push(t('import.more', { count: rest }));
  return [heading, ...lines].join('\n');
}

/** Every warning with its line, as many as fit WARNINGS_SHOWN_CHARS, the rest by their line numbers. */
function warningBlocks(plan: ImportPlan, t: Translator): Block[] {
  if (plan.warnings.length === 0) return [context(t('import.noWarnings'))];
  const lines: string[] = [];
  let used = 0;
  for (const w of plan.warnings) {
    const line = `• ${t('import.warningLine', { line: String(w.line), message: escapeMrkdwn(truncate(w.message, WARNING_SHOWN_MAX)) })}`;
    if (used + line.length > WARNINGS_SHOWN_CHARS) break;
    lines.push(line);
    used += line.length + 1;
  }
  const rest = plan.warnings.slice(lines.length);
  if (rest.length > 0) {
    const numbers = truncate(t.list(rest.map((w) => String(w.line))), 1000);
    lines.push(t('import.moreWarnings', { count: rest.length, lines: numbers }));
  }
  const [first = '', ...others] = packLines([t('import.warnings', { count: plan.warnings.length }), ...lines], LIMITS.sectionText);
  return [section(first), ...others.map((text) => section(text))];
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
