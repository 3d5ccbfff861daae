/*
 * Registered in vitest.config.ts as a setup file of the integration project, so every integration
 * test file calls the real server actions with the request replaced: the signed-in user's school
 * context comes from asUser() (./session) instead of Next's session cookie, revalidation does
 * nothing, cookies live in memory (sessionState.cookies), and a redirect after a create is recorded
 * (lastRedirect() in ./mock-navigation) instead of thrown, so tests read the data the action returns
 * and the redirect it asked for. A vi.mock in a setup file applies to
 * every test file; a file that needs the real module calls vi.unmock('@/lib/auth/context') (hoisted).
 */
import { vi } from 'vitest'

vi.mock('@/lib/auth/context', () => import('./mock-context'))
vi.mock('next/cache', () => import('./mock-next'))
vi.mock('next/headers', () => import('./mock-next'))
vi.mock('next/navigation', () => import('./mock-navigation'))
