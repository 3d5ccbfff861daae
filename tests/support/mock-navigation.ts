import { sessionState } from './session'

/*
 * next/navigation for integration tests: a redirect after a successful action is recorded (read it with
 * lastRedirect()) instead of thrown, so the test sees the action's returned data.
 */
export const redirect = (url: string) => {
  sessionState.redirectedTo = url
}
export const notFound = () => {
  throw Object.assign(new Error('NEXT_NOT_FOUND'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' })
}
export function lastRedirect(): string | null {
  return sessionState.redirectedTo
}
