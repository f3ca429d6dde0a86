/**
 * What the order listeners share: whether ordering is set up (the order runtime) and how they look titles up.
 */
import type { OrderStore } from '../../orders/store.js';
import type { PublicationLookup } from '../blocks/order-dialog.js';
import type { SlackDeps } from '../deps.js';
import type { OrderNotices } from '../order-notices.js';

/** What the order listeners share: the app's dependencies, the store, and the outbox worker to nudge. */
export interface OrderRuntime {
  deps: SlackDeps;
  store: OrderStore;
  notices: OrderNotices | undefined;
}

/** The order runtime when ordering is set up. */
export function orderRuntime(deps: SlackDeps, notices: OrderNotices | undefined): OrderRuntime | undefined {
  return deps.orders ? { deps, store: deps.orders.store, notices } : undefined;
}

/** Looks publications up in the search engine's catalogue. */
export function lookupIn(deps: SlackDeps): PublicationLookup {
  return (id) => deps.engine.get(id);
}
