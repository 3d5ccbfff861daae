/**
 * The largest request body the portal accepts: a little above the 2 MB an asset register CSV may be, so
 * that a CSV between 2 and 3 MB still reaches the import's own check and its "keep it under 2 MB" message.
 * next.config.ts gives `REQUEST_BODY_LIMIT` to Next's server actions; proxy.ts answers 413 to anything
 * that says it is larger, before Next reads it. Both count 1 MB as 1,048,576 bytes.
 */
export const REQUEST_BODY_LIMIT = '3mb'
export const REQUEST_BODY_LIMIT_BYTES = 3 * 1024 * 1024

/** True when a request declares a body larger than the limit. A missing or garbled length is left to Next. */
export function declaresTooLargeBody(contentLength: string | null): boolean {
  if (!contentLength || !/^\d+$/.test(contentLength.trim())) return false
  return Number(contentLength) > REQUEST_BODY_LIMIT_BYTES
}

export const TOO_LARGE_MESSAGE =
  'This request is too large: the portal accepts at most 3 MB at a time (a CSV file must be under 2 MB).\n'
