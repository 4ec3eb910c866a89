import { Embeddings } from '@langchain/core/embeddings';

/** Settings of {@link OllamaEmbeddings}. */
export interface OllamaEmbeddingsOptions {
  /** Base URL of the Ollama server, e.g. `http://127.0.0.1:11434`. */
  baseUrl: string;
  model: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Optional embedder backed by a local Ollama server (`POST /api/embed`). Never required: the default
 * is the built-in lexical embedder. Call {@link OllamaEmbeddings.connect} to learn the dimension.
 */
export class OllamaEmbeddings extends Embeddings {
  private dimensionValue = 0;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: OllamaEmbeddingsOptions) {
    super({ maxRetries: 1 });
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Identifies model and server-independent settings in the index manifest. */
  get id(): string {
    return `ollama:${this.options.model}`;
  }

  /** Vector dimension, known after {@link OllamaEmbeddings.connect}. */
  get dimension(): number {
    return this.dimensionValue;
  }

  /** Checks the server answers and records the model's dimension. */
  async connect(): Promise<this> {
    const [probe] = await this.request(['dimension probe']);
    this.dimensionValue = probe!.length;
    return this;
  }

  private async request(input: string[]): Promise<number[][]> {
    const url = new URL('/api/embed', this.options.baseUrl);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: this.options.model, input }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new Error(`Ollama at ${url.origin} is not reachable (${(error as Error).message}). Unset EMBEDDER to use the built-in embedder.`);
    }
    if (!response.ok) throw new Error(`Ollama answered ${response.status} for model "${this.options.model}": ${(await response.text()).slice(0, 200)}`);
    const body = (await response.json()) as { embeddings?: unknown };
    if (!Array.isArray(body.embeddings) || body.embeddings.length !== input.length || !body.embeddings.every((e) => Array.isArray(e) && e.length > 0)) {
      throw new Error('Ollama returned no embeddings (is the model an embedding model?)');
    }
    return body.embeddings as number[][];
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += 64) out.push(...(await this.request(documents.slice(i, i + 64))));
    return out;
  }

  override async embedQuery(document: string): Promise<number[]> {
    return (await this.request([document]))[0]!;
  }
}
