/*
 * Integration tests call the real server actions against a real database. The only thing replaced is
 * where the wrapper reads the signed-in user's school context from (Next's request): the integration
 * project's setup file (./mock-request.ts) mocks '@/lib/auth/context' with ./mock-context for every
 * test file, and each test picks the user with asUser().
 */
import type { SchoolContext } from '@/lib/auth/school-context'

const state: { ctx: SchoolContext | null; cookies: Map<string, string>; redirectedTo: string | null } = {
  ctx: null,
  cookies: new Map(),
  redirectedTo: null,
}

export function asUser(ctx: SchoolContext | null) {
  state.ctx = ctx
}
export const sessionState = state
