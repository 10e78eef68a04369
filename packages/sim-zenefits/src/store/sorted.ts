/**
 * Helpers for arrays sorted by ascending numeric-string id. Binary search keeps
 * detail look-ups and cursor seeks O(log n) without a Map per collection.
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isNumericId(value: string): boolean {
  return /^[0-9]{1,18}$/.test(value);
}

/** Strips leading zeros so "007" compares like "7". */
export function canonicalId(value: string): string {
  const stripped = value.replace(/^0+(?=\d)/, "");
  return stripped;
}

/** Index of the first item whose id is strictly greater than `id`. */
export function indexAfter(items: readonly { id: string }[], id: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareIds((items[mid] as { id: string }).id, id) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first item whose id is greater than or equal to `id`. */
export function indexAtOrAfter(items: readonly { id: string }[], id: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareIds((items[mid] as { id: string }).id, id) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function findById<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  const index = indexAtOrAfter(items, id);
  const item = items[index];
  return item !== undefined && item.id === id ? item : undefined;
}

export function removeById<T extends { id: string }>(items: T[], id: string): T | undefined {
  const index = indexAtOrAfter(items, id);
  const item = items[index];
  if (item === undefined || item.id !== id) return undefined;
  items.splice(index, 1);
  return item;
}
