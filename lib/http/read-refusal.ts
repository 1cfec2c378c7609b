/**
 * The client's side of `jsonError` (responses.ts): what a refused request says. The API answers a
 * refusal with `{error, field}` (`field` names the input at fault, or is null); an answer that is
 * not that (a proxy's HTML page, an empty body) still gets a sentence a person can read.
 */
export interface Refusal {
  error: string;
  field: string | null;
}

/** What a refusal without a readable `{error}` says: its status. */
export const statusSentence = (response: Response) => `the server answered ${response.status} ${response.statusText}`.trim();

/**
 * Reads a failed response's `{error, field}` body. When the body is not JSON, or holds no string
 * `error`, the error is `fallback(response)` (by default the status line) and the field null.
 */
export async function readRefusal(response: Response, fallback: (response: Response) => string = statusSentence): Promise<Refusal> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null; // not JSON, or no body at all
  }
  if (body === null || typeof body !== 'object') return { error: fallback(response), field: null };
  const { error, field } = body as { error?: unknown; field?: unknown };
  return {
    error: typeof error === 'string' ? error : fallback(response),
    field: typeof field === 'string' ? field : null,
  };
}
