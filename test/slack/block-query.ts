/** Reading Block Kit in tests: every text of a surface, every button. */

interface ButtonLike {
  type: 'button';
  action_id: string;
  value?: string;
  text: { text: string };
}

/** Every button of `blocks` (actions elements and section accessories), in order. */
export function buttonsOf(blocks: readonly unknown[]): ButtonLike[] {
  return blocks.flatMap((block) => {
    const b = block as { elements?: unknown[]; accessory?: unknown };
    return [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])].filter((e): e is ButtonLike => (e as { type?: string }).type === 'button');
  });
}

/** All text of `blocks` (section text and fields, headers, context, button labels), joined by newlines. */
export function textOf(blocks: readonly unknown[]): string {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') texts.push(o.text);
    else Object.values(o).forEach(visit);
  };
  visit(blocks);
  return texts.join('\n');
}
