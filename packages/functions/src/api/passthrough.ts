/** A provider's response, streamed back as is with the headers that matter to a client. */
export function passthrough(upstream: Response): Response {
  const headers = new Headers();
  for (const name of ["content-type", "cache-control", "x-request-id"]) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
