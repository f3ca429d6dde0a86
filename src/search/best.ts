/**
 * Bounded selection: the best few of many items without sorting them all. A query at 100,000 titles can
 * have tens of thousands of hits of which a page of ten is shown.
 */

/**
 * The `k` first items in the order of `compare`, in that order, in O(n log k). For a total order the
 * result equals `[...items].sort(compare).slice(0, k)`.
 */
export function best<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k === Number.POSITIVE_INFINITY) return [...items].sort(compare);
  // A heap whose root is the last item kept: a newcomer only has to beat the root.
  const heap: T[] = [];
  const later = (i: number, j: number): boolean => compare(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1, parent = (i - 1) >> 1; i > 0 && later(i, parent); i = parent, parent = (i - 1) >> 1) swap(i, parent);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let last = i;
        if (left < heap.length && later(left, last)) last = left;
        if (right < heap.length && later(right, last)) last = right;
        if (last === i) break;
        swap(i, last);
        i = last;
      }
    }
  }
  return heap.sort(compare);
}
