/**
 * `did you mean USER_SRP_AUTH?` for the value of an enum flag that is close to a valid one. Only the suggestion, a
 * known value, is ever named, never what was typed: that may be a secret typed in the wrong place.
 *
 * @module
 */

/** Longest value compared: anything longer is no typo of an enum name (and costs nothing to refuse). */
const MAX_TYPED = 64;
/** Most edits (insertion, deletion, substitution, swap of neighbours) a typo may have. */
const MAX_EDITS = 2;

/**
 * The values `typed` was most likely meant to be: the one it equals ignoring case with `-` or a space for `_`
 * (`user-srp-auth`), else those within {@link MAX_EDITS} edits of it (`USER_SRP_AUHT`), and no more than a third of
 * their length; empty when none is close. Call it only for a value that is not valid as it is.
 */
export function closestValues<Value extends string>(typed: string, values: readonly Value[]): Value[] {
  if (typed.length > MAX_TYPED) return [];
  const normal = typed.toUpperCase().replace(/[-\s]/g, '_');
  const same = values.filter((value) => value === normal);
  if (same.length > 0) return same;
  let best = MAX_EDITS + 1;
  let closest: Value[] = [];
  for (const value of values) {
    const edits = editDistance(normal, value);
    if (edits > MAX_EDITS || edits * 3 > value.length || edits > best) continue;
    if (edits < best) closest = [];
    best = edits;
    closest.push(value);
  }
  return closest;
}

/** `did you mean USER_SRP_AUTH?` (or `A or B?`), or undefined when no value is close to `typed`. */
export function didYouMean(typed: string, values: readonly string[]): string | undefined {
  const closest = closestValues(typed, values);
  return closest.length === 0 ? undefined : `did you mean ${closest.join(' or ')}?`;
}

/** Edits between `a` and `b`, a swap of two neighbours counting as one (optimal string alignment distance). */
function editDistance(a: string, b: string): number {
  // rows[i][j]: edits between the first i characters of a and the first j of b; three rows are enough.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let edits = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) edits = Math.min(edits, before[j - 2]! + 1);
      current.push(edits);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
