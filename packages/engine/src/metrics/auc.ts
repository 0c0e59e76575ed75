/**
 * Area under the ROC curve, computed as the Mann-Whitney U statistic with midranks for ties
 * (Hanley & McNeil 1982, "The meaning and use of the area under a ROC curve", eq. 2):
 *   AUC = (R₊ − n₊(n₊+1)/2) / (n₊ · n₋)
 * where R₊ is the sum of the (mid)ranks of the positive examples among all scores.
 * Tied scores share the mean of the ranks they span, which counts a tied positive/negative pair as ½ —
 * the same convention as scikit-learn's `roc_auc_score`.
 *
 * Returns NaN when one class is absent (the AUC is undefined then).
 */
export function auc(labels: ArrayLike<number | boolean>, scores: ArrayLike<number>): number {
  const n = scores.length;
  if (labels.length !== n) throw new Error(`auc: ${labels.length} labels but ${n} scores`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Sorting a typed index array with a comparator keeps memory flat for millions of rows.
  order.sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSumPositives = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    const s = scores[order[i] as number] as number;
    while (j + 1 < n && scores[order[j + 1] as number] === s) j++;
    // Ranks i+1 … j+1 (1-based) are tied: each gets their mean.
    const midrank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number]) {
        positives++;
        rankSumPositives += midrank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}
