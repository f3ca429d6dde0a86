/** Who may do what with orders. Pure, so the Slack layer and the store ask the same question. */

/** True when `actorId` (a Slack user id) is one of the order admins (ORDER_ADMIN_IDS) and so may change an order's status. */
export function canChangeStatus(actorId: string, adminIds: readonly string[]): boolean {
  return actorId !== '' && adminIds.includes(actorId);
}
