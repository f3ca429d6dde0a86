/**
 * Whether a direct message asks to order printed copies ("I'd like to order…", "order copies",
 * "commander", "pedir ejemplares"), in English, French or Spanish. A message that only mentions an order
 * in passing ("the public order handbook") is a search, not a request.
 */

const ORDER_REQUESTS: readonly RegExp[] = [
  // English
  /\b(?:i(?:'|’)?d like|i would like|i want|i need|can i|could i|may i|how (?:do|can) i|how to|want to|like to)\s+(?:to\s+)?(?:order|buy|purchase|get printed)\b/,
  /^(?:please\s+)?(?:order|buy|purchase)\b/,
  /\b(?:order|ordering|buy|purchase)\s+(?:\d+\s+|some\s+|a few\s+|printed\s+|print\s+|hard\s+)*(?:copies|copy|books?|handbooks?|manuals?|publications?)\b/,
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
