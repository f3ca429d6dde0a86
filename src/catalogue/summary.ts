/** A publication summary (paragraphs and lists) as plain text. */
import type { SummaryBlock } from './schema.js';

/**
 * The summary as plain text. `lines` (default) keeps its shape: paragraphs separated by a blank line, list
 * items one a line. `inline` makes one run of text for a short excerpt: blocks separated by a space, list
 * items by semicolons.
 */
export function summaryText(summary: readonly SummaryBlock[], layout: 'lines' | 'inline' = 'lines'): string {
  const [blockGap, itemGap] = layout === 'lines' ? ['\n\n', '\n'] : [' ', '; '];
  return summary.map((b) => (b.kind === 'paragraph' ? b.text : b.items.join(itemGap))).join(blockGap);
}
