/** A page's query as Next.js hands it to a page: each name once, or several times. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The query string again (`?n=5&step=3`), every value kept in order, for what reads a share link. */
export function searchString(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, one);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
