import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** An embedder that can say what it is: the index manifest records this to detect stale vectors. */
export interface IdentifiedEmbeddings extends EmbeddingsInterface {
  /** Stable identifier of the embedding function (model and settings). */
  readonly id: string;
  /** Vector dimension. */
  readonly dimension: number;
}
