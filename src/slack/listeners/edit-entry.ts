/**
 * Edit entry: a catalogue admin fixes a title's links, prices, keywords and notes, and clears the
 * importer's doubts, from the button on its Details (or a review list row). The button opens the modal
 * (pushed over Details, opened elsewhere); Save validates the values (errors under their fields, nothing
 * saved), writes the entry to the live catalogue at the version the modal was read at, and tells the admin
 * what changed. Someone else's change in between is shown in the modal with the admin's entries kept,
 * never overwritten. Anyone who is not a catalogue admin is refused at the click and at the submission.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { CatalogueConflictError } from '../../catalogue/catalogue-store.js';
import { editEntry, editSummary, type EntryEditInput } from '../../catalogue/entry-edit.js';
import type { LiveCatalogue } from '../../catalogue/live.js';
import type { Translator } from '../../i18n/translator.js';
import { ACTION, CALLBACK } from '../blocks/action-ids.js';
import { detailsModal } from '../blocks/details.js';
import { changesText, decodeEditMetadata, editEntryModal, editErrors, enteredEditValues, type EditEntryMetadata } from '../blocks/edit-entry.js';
import { readPublicationValue } from '../blocks/publication.js';
import type { SlackDeps } from '../deps.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { ListenerRouter } from '../router.js';
import { translatorFor } from '../user-languages.js';
import { catalogueAccess } from './admin-commands.js';
import { slackErrorCode, tellClicker, tellPrivately } from './reply.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Registers the Edit entry button and the submission of its modal. */
export function registerEditEntry(router: ListenerRouter, deps: SlackDeps): void {
  router.action<BlockAction<ButtonAction>>(ACTION.editEntry, async (args) => {
    await args.ack();
    const { id, locale } = readPublicationValue(args.action.value);
    const t = translatorFor(args.context, locale);
    const access = catalogueAccess(deps, args.body.user.id);
    if (!access.ok) return tellClicker(args, t(access.refusal));
    const { catalogue } = access;
    const publication = catalogue.engine.get(id);
    if (!publication) return tellClicker(args, t('common.titleGone'));
    const over = args.body.view?.type === 'modal' ? args.body.view : undefined;
    const metadata: EditEntryMetadata = {
      id,
      baseVersion: catalogue.version,
      locale: t.locale,
      ...(over?.callback_id === CALLBACK.detailsModal ? { detailsViewId: over.id } : {}),
    };
    const view = editEntryModal(publication, { metadata }, t);
    try {
      if (over) await args.client.views.push({ trigger_id: args.body.trigger_id, view });
      else await args.client.views.open({ trigger_id: args.body.trigger_id, view });
    } catch (error) {
      await tellClicker(args, t('edit.openFailed', { code: slackErrorCode(error) }));
    }
  });

  router.view<ViewSubmitAction>(CALLBACK.editEntry, async (args) => {
    const metadata = decodeEditMetadata(args.view.private_metadata);
    const t = translatorFor(args.context, metadata?.locale);
    const userId = args.body.user.id;
    const access = catalogueAccess(deps, userId);
    if (!access.ok) return refuse(args, t(access.refusal));
    const { catalogue } = access;
    if (!metadata) return refuse(args, t('common.staleButton'));
    const current = catalogue.engine.get(metadata.id);
    if (!current) return refuse(args, t('edit.gone'));
    const values = enteredEditValues(current, args.view.state.values);
    const edit = editEntry(current, values);
    if (!edit.ok) return void (await args.ack({ response_action: 'errors', errors: editErrors(current, edit.errors, t) }));
    if (edit.changes.length === 0) {
      await args.ack();
      return tellPrivately({ client: args.client, userId }, t('edit.unchanged', { title: escapeMrkdwn(current.title) }));
    }
    try {
      await catalogue.apply({ action: 'edit', actorId: userId, summary: editSummary(current.title, edit.changes), publications: [edit.entry], baseVersion: metadata.baseVersion });
    } catch (error) {
      if (error instanceof CatalogueConflictError) return showConflict(args, catalogue, metadata, values, t);
      args.logger.error('Could not save a catalogue entry:', error);
      return refuse(args, t('edit.saveFailed'));
    }
    await args.ack();
    if (metadata.detailsViewId !== undefined) {
      await args.client.views
        .update({ view_id: metadata.detailsViewId, view: detailsModal(edit.entry, { editable: true }, t) })
        .catch((error: unknown) => args.logger.warn(`Could not refresh the Details under Edit entry: ${slackErrorCode(error)}`));
    }
    await tellPrivately({ client: args.client, userId }, t('edit.saved', { title: escapeMrkdwn(current.title), changes: changesText(current, edit.changes, t) }));
  });
}

/** Refuses a submission with `message` under the modal's first field; nothing is saved. */
async function refuse(args: SubmitArgs, message: string): Promise<void> {
  const first = args.view.blocks.find((b): b is { type: 'input'; block_id: string } => b.type === 'input' && typeof b.block_id === 'string');
  await args.ack({ response_action: 'errors', errors: { [first?.block_id ?? '']: message } });
}

/**
 * The catalogue changed since the modal was read: the modal again on the entry as it is now, at the new
 * version, with the admin's entries kept and a notice saying what saving them would change.
 */
async function showConflict(args: SubmitArgs, catalogue: LiveCatalogue, metadata: EditEntryMetadata, values: EntryEditInput, t: Translator): Promise<void> {
  // LiveCatalogue.apply loaded the catalogue as it is now before it reported the conflict.
  const latest = catalogue.engine.get(metadata.id);
  if (!latest) return refuse(args, t('edit.gone'));
  const edit = editEntry(latest, values);
  const notice = !edit.ok
    ? t('edit.conflictCheck')
    : edit.changes.length === 0
      ? t('edit.conflictSame')
      : t('edit.conflict', { changes: changesText(latest, edit.changes, t) });
  const view = editEntryModal(latest, { metadata: { ...metadata, baseVersion: catalogue.version }, values, notice }, t);
  await args.ack({ response_action: 'update', view });
}
