/**
 * Importing a listing page from Slack. A catalogue admin uploads the page's text file in the DM with the
 * bot; the bot reads it (../listing-file.ts), works out the import against the live catalogue without
 * changing anything, and shows the dry run with Apply and Discard. Apply reads the file again and applies
 * the import as of the catalogue version the dry run showed: if the catalogue changed meanwhile, the new
 * dry run is shown instead. The dry run is then replaced by the outcome, so it cannot be applied twice.
 * Anyone else who uploads a file, or clicks a button, is refused and nothing is read.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { CatalogueConflictError } from '../../catalogue/catalogue-store.js';
import { importWrite, planChanges, planImport, type ImportPlan } from '../../catalogue/import-plan.js';
import { ImportError } from '../../catalogue/listing.js';
import type { LiveCatalogue } from '../../catalogue/live.js';
import type { Translator } from '../../i18n/translator.js';
import { ACTION } from '../blocks/action-ids.js';
import { importAppliedMessage, importDiscardedMessage, importDryRunMessage, readImportValue, type ImportRef } from '../blocks/catalogue-import.js';
import { importErrorText } from '../blocks/import-findings.js';
import { textMessage, type SlackMessage } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { LISTING_FILE_MAX_BYTES, ListingFileError, readListingFile, type ListingFile } from '../listing-file.js';
import { plainEcho } from '../mrkdwn.js';
import type { ListenerRouter } from '../router.js';
import { translatorFor } from '../user-languages.js';
import { catalogueAccess } from './admin-commands.js';
import { slackErrorCode, tellClicker } from './reply.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A file shared in the DM with the bot: who shared it, where, and the ids of its files. */
export interface ListingUpload {
  userId: string;
  channel: string;
  fileIds: string[];
  client: webApi.WebClient;
  logger: AllMiddlewareArgs['logger'];
  t: Translator;
}

/** The ids of the files a message event carries (a `file_share` message); empty for any other message. */
export function sharedFileIds(event: object): string[] {
  const files = (event as { files?: unknown }).files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((f: unknown) => {
    const id = (f as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * Answers a file shared in the DM with the bot: to a catalogue admin, the dry run of importing it (or what
 * keeps it from being read); to anyone else, that importing is for catalogue admins — without reading it.
 */
export async function receiveListingUpload(deps: SlackDeps, upload: ListingUpload): Promise<void> {
  const { t, client, channel } = upload;
  const say = (message: SlackMessage) => client.chat.postMessage({ channel, ...message });
  const access = catalogueAccess(deps, upload.userId, 'import.notAdmin');
  if (!access.ok) return void (await say(textMessage(t(access.refusal))));
  const { catalogue } = access;
  const [fileId] = upload.fileIds;
  if (fileId === undefined || upload.fileIds.length > 1) return void (await say(textMessage(t('import.oneFile', { count: upload.fileIds.length }))));
  const file = await readOrExplain(client, fileId, upload.logger, t);
  if (typeof file === 'string') return void (await say(textMessage(file)));
  const plan = planOrExplain(catalogue, file, t);
  await say(typeof plan === 'string' ? textMessage(plan) : importDryRunMessage(plan, file, t));
}

/** Registers Apply and Discard. */
export function registerCatalogueImport(router: ListenerRouter, deps: SlackDeps): void {
  /** Imports being applied in this process (file and version), so that a double click applies once. */
  const applying = new Set<string>();

  router.action<BlockAction<ButtonAction>>(ACTION.importApply, async (args) => {
    await args.ack();
    const checked = await checkClick(args, deps);
    if (checked === undefined) return;
    const { ref, catalogue, t } = checked;
    const key = `${ref.fileId}:${ref.baseVersion}`;
    if (applying.has(key)) return;
    applying.add(key);
    try {
      await applyImport(args, catalogue, ref, t);
    } finally {
      applying.delete(key);
    }
  });

  router.action<BlockAction<ButtonAction>>(ACTION.importDiscard, async (args) => {
    await args.ack();
    const checked = await checkClick(args, deps);
    if (checked === undefined) return;
    await args.respond({ replace_original: true, ...importDiscardedMessage(args.body.user.id, checked.t) });
  });
}

/** The button's import, the live catalogue and the clicker's language, when a catalogue admin clicked a well-formed button; otherwise tells them why not. */
async function checkClick(args: ButtonArgs, deps: SlackDeps): Promise<{ ref: ImportRef; catalogue: LiveCatalogue; t: Translator } | undefined> {
  const ref = readImportValue(args.action.value);
  const t = translatorFor(args.context, ref?.locale);
  const access = catalogueAccess(deps, args.body.user.id);
  if (!access.ok) return void (await tellClicker(args, t(access.refusal)));
  if (ref === undefined) return void (await tellClicker(args, t('common.staleButton')));
  return { ref, catalogue: access.catalogue, t };
}

/**
 * Applies the import the dry run showed: reads the file again, works it out against the current catalogue,
 * and writes it as of the dry run's version. If the catalogue changed since, shows the new dry run instead.
 */
async function applyImport(args: ButtonArgs, catalogue: LiveCatalogue, ref: ImportRef, t: Translator): Promise<void> {
  const file = await readOrExplain(args.client, ref.fileId, args.logger, t);
  if (typeof file === 'string') return tellClicker(args, file);
  let plan = planOrExplain(catalogue, file, t);
  if (typeof plan === 'string') return tellClicker(args, plan);
  if (plan.baseVersion === ref.baseVersion) {
    try {
      await catalogue.apply(importWrite(plan, args.body.user.id));
      args.logger.info(`Catalogue: listing page imported by a catalogue admin (${plan.added.length} added, ${plan.updated.length} updated)`);
      return void (await args.respond({ replace_original: true, ...importAppliedMessage(plan, file, args.body.user.id, t) }));
    } catch (error) {
      if (!(error instanceof CatalogueConflictError)) {
        args.logger.error(`Catalogue: an import could not be applied: ${slackErrorCode(error)}`);
        return tellClicker(args, t('import.applyFailed', { code: slackErrorCode(error) }));
      }
    }
    // Another replica changed the catalogue since this one last read it; LiveCatalogue.apply has loaded it since.
    plan = planOrExplain(catalogue, file, t);
    if (typeof plan === 'string') return tellClicker(args, plan);
  }
  await showChangedMeanwhile(args, plan, file, t);
}

/**
 * The catalogue changed since the dry run: the dry run against the catalogue as it is now replaces the old
 * one, or, when the import would change nothing any more (it was applied meanwhile), the clicker is told so
 * and the message is left as it is.
 */
async function showChangedMeanwhile(args: ButtonArgs, plan: ImportPlan, file: ListingFile, t: Translator): Promise<void> {
  if (!planChanges(plan)) return tellClicker(args, t('import.alreadyApplied'));
  await args.respond({ replace_original: true, ...importDryRunMessage(plan, file, t, { changedMeanwhile: true }) });
}

/** The shared file as a listing page, or what to tell the person when it cannot be read. */
async function readOrExplain(client: webApi.WebClient, fileId: string, logger: AllMiddlewareArgs['logger'], t: Translator): Promise<ListingFile | string> {
  try {
    return await readListingFile(client, fileId);
  } catch (error) {
    if (!(error instanceof ListingFileError)) throw error;
    logger.warn(`Catalogue import: file ${fileId} not read (${error.message})`);
    switch (error.problem) {
      case 'gone':
        return t('import.gone');
      case 'too-big':
        return t('import.tooBig', { max: `${LISTING_FILE_MAX_BYTES / (1024 * 1024)} MB` });
      case 'not-text':
        return t('import.notText');
      case 'download-failed':
        return t('import.downloadFailed');
    }
  }
}

/** The import of `file` worked out against the current catalogue, or what to tell the person when the page is malformed. */
function planOrExplain(catalogue: LiveCatalogue, file: ListingFile, t: Translator): ImportPlan | string {
  try {
    return planImport(catalogue.publications, catalogue.version, file.text);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return t('import.malformed', { name: plainEcho(file.name), line: String(error.line), detail: importErrorText(error, t) });
  }
}
