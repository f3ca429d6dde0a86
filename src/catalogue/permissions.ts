/** Who may change the catalogue. Pure, so every admin surface asks the same question. */

/** True when `actorId` (a Slack user id) is a catalogue admin (CATALOGUE_ADMIN_IDS, by default the order admins). */
export function canEditCatalogue(actorId: string, catalogueAdminIds: readonly string[]): boolean {
  return actorId !== '' && catalogueAdminIds.includes(actorId);
}
