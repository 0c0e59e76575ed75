/** Rows of sparse features in compressed sparse row form (CSR), as the logistic fits consume them. */
export interface SparseRows {
  readonly rows: number;
  readonly columns: number;
  /** rowStart[r] … rowStart[r+1] index the entries of row r. */
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly value: Float64Array;
}

/** Appends rows one at a time into growing typed arrays (doubling), then freezes them into {@link SparseRows}. */
export class SparseRowsBuilder {
  private column = new Int32Array(1024);
  private value = new Float64Array(1024);
  private rowStart: number[] = [0];
  private size = 0;

  constructor(readonly columns: number) {}

  /** Adds one row from parallel index/value lists (entries with value 0 are skipped). */
  addRow(indices: readonly number[], values: readonly number[]): void {
    const needed = this.size + indices.length;
    if (needed > this.column.length) {
      let capacity = this.column.length;
      while (capacity < needed) capacity *= 2;
      const c = new Int32Array(capacity);
      c.set(this.column.subarray(0, this.size));
      const v = new Float64Array(capacity);
      v.set(this.value.subarray(0, this.size));
      this.column = c;
      this.value = v;
    }
    for (let k = 0; k < indices.length; k++) {
      const v = values[k] as number;
      if (v === 0) continue;
      const j = indices[k] as number;
      if (j < 0 || j >= this.columns) throw new Error(`column ${j} outside 0…${this.columns - 1}`);
      this.column[this.size] = j;
      this.value[this.size] = v;
      this.size++;
    }
    this.rowStart.push(this.size);
  }

  /** The rows added so far. */
  build(): SparseRows {
    return {
      rows: this.rowStart.length - 1,
      columns: this.columns,
      rowStart: Int32Array.from(this.rowStart),
      column: this.column.slice(0, this.size),
      value: this.value.slice(0, this.size),
    };
  }
}

/** The rows r with keep(r), in order (a fold of a design matrix). */
export function selectRows(X: SparseRows, keep: (r: number) => boolean): SparseRows {
  const starts: number[] = [0];
  let size = 0;
  for (let r = 0; r < X.rows; r++) if (keep(r)) size += (X.rowStart[r + 1] as number) - (X.rowStart[r] as number);
  const column = new Int32Array(size);
  const value = new Float64Array(size);
  let at = 0;
  for (let r = 0; r < X.rows; r++) {
    if (!keep(r)) continue;
    const a = X.rowStart[r] as number;
    const b = X.rowStart[r + 1] as number;
    column.set(X.column.subarray(a, b), at);
    value.set(X.value.subarray(a, b), at);
    at += b - a;
    starts.push(at);
  }
  return { rows: starts.length - 1, columns: X.columns, rowStart: Int32Array.from(starts), column, value };
}

