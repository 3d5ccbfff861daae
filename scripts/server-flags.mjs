/**
 * Node's flags for the production server (`npm start`, and the load bench, which must measure what
 * `npm start` runs).
 *
 * --max-semi-space-size=32: each page render allocates a few megabytes that die young (React's element
 * trees, the RSC payload, strings of HTML). With Node's default young generation (16 MB semi-spaces) a busy
 * server collects it every few requests, about an eighth of its time; 32 MB halves the number of
 * collections for about 50 MB more memory at most. Measured with `npm run bench:load` (issue 8): signed-in
 * pages served 10 to 20 per cent more requests a second, the sign-in page about the same.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32']
