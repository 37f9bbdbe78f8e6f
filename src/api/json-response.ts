/** A static JSON file: two-space indented, newline-terminated, UTF-8. */
export function jsonResponse(document: unknown): Response {
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
