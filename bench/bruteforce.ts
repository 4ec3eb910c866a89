/**
 * Exact nearest-neighbour search by a linear scan over one Float32Array: the ground truth for
 * HNSW recall and the baseline HNSW has to beat.
 */

/** The k nearest neighbours of a query, nearest first. */
export interface Neighbours {
  labels: number[];
  /** Cosine distances (1 − dot product of unit vectors). */
  distances: number[];
}

/** Unit vectors stored row by row; label = row number. */
export class FlatIndex {
  readonly data: Float32Array;
  private count = 0;

  constructor(readonly dimension: number, readonly capacity: number) {
    if (dimension % 4 !== 0) throw new Error('FlatIndex: the dimension must be a multiple of 4');
    this.data = new Float32Array(dimension * capacity);
    // Touch every page now, so that memory measured later does not move when rows are written.
    this.data.fill(0);
  }

  /** Number of stored vectors. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the vectors. */
  get bytes(): number {
    return this.data.byteLength;
  }

  /** Stores a unit vector under the next label. */
  add(vector: readonly number[]): number {
    if (this.count >= this.capacity) throw new Error('FlatIndex is full');
    this.data.set(vector, this.count * this.dimension);
    return this.count++;
  }

  /** Exact k nearest neighbours by cosine distance (the query must be a unit vector). */
  search(query: readonly number[], k: number): Neighbours {
    const d = this.dimension;
    const q = Float32Array.from(query);
    const bestLabels = new Int32Array(k).fill(-1);
    const bestDots = new Float64Array(k).fill(-Infinity);
    const data = this.data;
    for (let row = 0, base = 0; row < this.count; row++, base += d) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < d; j += 4) {
        s0 += data[base + j]! * q[j]!;
        s1 += data[base + j + 1]! * q[j + 1]!;
        s2 += data[base + j + 2]! * q[j + 2]!;
        s3 += data[base + j + 3]! * q[j + 3]!;
      }
      const dot = s0 + s1 + s2 + s3;
      if (dot <= bestDots[k - 1]!) continue;
      // Insert into the sorted top-k (descending dot product).
      let i = k - 1;
      while (i > 0 && bestDots[i - 1]! < dot) {
        bestDots[i] = bestDots[i - 1]!;
        bestLabels[i] = bestLabels[i - 1]!;
        i--;
      }
      bestDots[i] = dot;
      bestLabels[i] = row;
    }
    const labels: number[] = [];
    const distances: number[] = [];
    for (let i = 0; i < k; i++) {
      if (bestLabels[i]! < 0) break;
      labels.push(bestLabels[i]!);
      distances.push(1 - bestDots[i]!);
    }
    return { labels, distances };
  }
}

/** Tolerance for counting a hit at the same distance as the k-th exact neighbour (float32 rounding). */
export const TIE_EPSILON = 1e-5;

/**
 * Recall@k of approximate results against exact ones, tie-aware: an approximate hit counts when
 * it is one of the exact k, or when its distance is no larger than the exact k-th distance (plus
 * {@link TIE_EPSILON}) — duplicate and equidistant sentences make the exact top k ambiguous, and
 * returning a different one of equals is not an error.
 */
export function recallAtK(approximate: readonly { labels: readonly number[]; distances: readonly number[] }[], exact: readonly Neighbours[], k: number): number {
  let found = 0, wanted = 0;
  approximate.forEach((result, q) => {
    const truth = exact[q]!;
    const expected = Math.min(k, truth.labels.length);
    if (expected === 0) return;
    const kth = truth.distances[expected - 1]!;
    const exactSet = new Set(truth.labels.slice(0, expected));
    let hits = 0;
    for (let i = 0; i < Math.min(k, result.labels.length); i++) {
      if (exactSet.has(result.labels[i]!) || result.distances[i]! <= kth + TIE_EPSILON) hits++;
    }
    found += Math.min(hits, expected);
    wanted += expected;
  });
  return wanted === 0 ? 1 : found / wanted;
}
