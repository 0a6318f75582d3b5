// Two sequences matched in order: the pairs of equal items, as many as there can be (a longest
// common subsequence). body-lines.js matches the lines of a body, preview.js the blocks of a page.

/** Pairs [i, j] with ka[i] === kb[j], in order, as many as there can be. */
export function matchingPairs(ka, kb) {
  // Items equal at both ends need no table.
  let start = 0;
  while (start < ka.length && start < kb.length && ka[start] === kb[start]) start += 1;
  let endA = ka.length;
  let endB = kb.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i][j] = ka[start + i] === kb[start + j]
        ? table[i + 1][j + 1] + 1
        : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs = [];
  for (let i = 0; i < start; i += 1) pairs.push([i, i]);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[start + i] === kb[start + j]) {
      pairs.push([start + i, start + j]);
      i += 1;
      j += 1;
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      i += 1;
    } else {
      j += 1;
    }
  }
  for (let k = 0; k < ka.length - endA; k += 1) pairs.push([endA + k, endB + k]);
  return pairs;
}
