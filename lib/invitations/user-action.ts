import 'server-only'
import type { z } from 'zod'
import { getSessionUserId } from '@/lib/auth/context'
import { runUserAction } from './run-user-action'

/**
 * For the few actions a signed-in person takes for themselves, outside any school (answering an
 * invitation to a school they are not in yet): session -> zod parse -> handler with their user id.
 * There is no membership or permission to check; the handler must find records by the person's own
 * identity (for invitations, their login's e-mail), so another person's record is simply not found.
 */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, user: { userId: string }) => Promise<T>,
) {
  return async (first: unknown, second?: unknown) => {
    const input = second === undefined ? first : second
    return runUserAction(await getSessionUserId(), schema, handler, input)
  }
}
