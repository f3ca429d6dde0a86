/**
 * Whether a direct message asks to order printed copies ("I'd like to order…", "order copies",
 * "commander", "pedir ejemplares"), in English, French or Spanish. A message that only mentions an order
 * in passing ("the public order handbook") is a search, not a request.
 */

const ORDER_REQUESTS: readonly RegExp[] = [
  // English
  /\b(?:i(?:'|’)?d like|i would like|i want|i need|can i|could i|may i|how (?:do|can) i|how to|want to|like to)\s+(?:to\s+)?(?:order|buy|purchase|get printed)\b/,
  /^(?:please\s+)?(?:order|buy|purchase)(?:\s+(?:a|an|the|some|\d+|copies|copy|printed|print)\b|[\s.!?]*$)/,
  /\b(?:order|ordering|buy|purchase)\s+(?:(?:\d+|some|a few|a|the|\w+ more)\s+)?(?:(?:printed|print|paper|hard)\s+)?cop(?:y|ies)\b/,
  /\b(?:order|ordering|buy|purchase)\s+(?:(?:\d+|some|a few)\s+|(?:printed|print|paper)\s+)+(?:books?|handbooks?|manuals?|publications?)\b/,
  /\bprint(?:ed)? cop(?:y|ies)\b/,
  // French
  /\bcommander\b/,
  /\b(?:passer|faire) (?:une )?commande\b/,
  /\bexemplaires? (?:imprimés?|papier)\b/,
  // Spanish
  /\b(?:pedir|encargar|solicitar|comprar)\s+(?:\d+\s+)?(?:ejemplares?|copias?|libros?|manuales?|publicaciones?)\b/,
  /\bhacer un pedido\b/,
  /\bquisiera (?:pedir|encargar)\b/,
];

/** True when `text` asks to order printed copies. */
export function asksToOrder(text: string): boolean {
  const normalised = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return ORDER_REQUESTS.some((pattern) => pattern.test(normalised));
}
