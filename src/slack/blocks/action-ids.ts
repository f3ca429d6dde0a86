/**
 * The action_ids and callback_ids this app's Block Kit carries, in one place, so builders and listeners
 * (and the order dialog) agree on them.
 */
export const ACTION = {
  /** Opens the details modal. Value: publication id. */
  details: 'publication_details',
  /** Starts the order dialog (order issue). Value: publication id to pre-select, or absent (App Home). */
  orderStart: 'order_start',
  /** Posts the result in the channel of the message the button is on. Value: publication id. */
  share: 'publication_share',
  /** Next page of search results. Value: see encodePage. */
  searchMore: 'search_more',
  /** Next page of `/handbooks list`. Value: see encodePage. */
  listMore: 'list_more',
  /** Prefix of the "did you mean" buttons (`search_suggestion_0`, …; ids must differ within a block). Value: see encodePage. */
  searchSuggestionPrefix: 'search_suggestion_',
} as const;

export const CALLBACK = {
  /** The read-only details modal. */
  detailsModal: 'publication_details',
} as const;
