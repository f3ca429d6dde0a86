/**
 * The action_ids and callback_ids this app's Block Kit carries, in one place, so builders and listeners
 * (and the order dialog) agree on them.
 */
export const ACTION = {
  /** Opens the details modal. Value: see publicationValue (the answer's language and the publication id). */
  details: 'publication_details',
  /** Starts the order dialog. Value: see publicationValue, the publication to pre-select; absent on App Home. */
  orderStart: 'order_start',
  /** Posts the result in the channel of the message the button is on. Value: see publicationValue. */
  share: 'publication_share',
  /** Next page of search results. Value: see encodePage. */
  searchMore: 'search_more',
  /** Next page of `/handbooks list`. Value: see encodePage. */
  listMore: 'list_more',
  /** Prefix of the "did you mean" buttons (`search_suggestion_0`, …; ids must differ within a block). Value: see encodePage. */
  searchSuggestionPrefix: 'search_suggestion_',
  /** App Home's select of the language of the bot's answers. Value: a locale, or AUTOMATIC_LANGUAGE. */
  language: 'answer_language',
  /** Opens the Edit entry modal of a catalogue entry (catalogue admins only). Value: the publication id (or see publicationValue). */
  editEntry: 'catalogue_edit_entry',
  /** Applies an import's dry run. Value: see importValue (the file, the catalogue version of the dry run, the language). */
  importApply: 'catalogue_import_apply',
  /** Discards an import's dry run. Value: see importValue. */
  importDiscard: 'catalogue_import_discard',
} as const;

export const CALLBACK = {
  /** The read-only details modal. */
  detailsModal: 'publication_details',
  /** The Edit entry modal (catalogue admins). */
  editEntry: 'catalogue_edit_entry',
} as const;
