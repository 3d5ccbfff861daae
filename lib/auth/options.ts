import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { db } from '@/lib/db'
import { parseTrustedProxies, requestAddress } from './client-ip'
import { settleLandingSchool } from './school-context'
import { endSession, SESSION_MAX_AGE_S, startSession } from './sessions'
import { authenticate } from './sign-in'

export { SESSION_MAX_AGE_S }

// How many reverse proxies in front of the app append to X-Forwarded-For (see client-ip.ts). Read once
// at start, so that a mistyped value stops sign-in instead of weakening the throttle.
const TRUSTED_PROXIES = parseTrustedProxies(process.env)

/**
 * The session cookie is a JWT that names a server-side Session row (lib/auth/sessions.ts); every request
 * checks that row (lib/auth/context.ts), so signing out, a password change or removal from a school ends
 * a session at once, and the eight hours from sign-in hold however often next-auth re-issues the JWT
 * (GET /api/auth/session does, with a later `exp`).
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: 'E-mail and password',
      credentials: {
        email: { label: 'E-mail', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const result = await authenticate(
          db,
          String(credentials?.email ?? ''),
          String(credentials?.password ?? ''),
          requestAddress(req?.headers, TRUSTED_PROXIES),
        )
        if (result.ok) return result.user
        // next-auth passes the message to the client as `error`; the form maps it to plain words.
        throw new Error(result.reason)
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is set only at sign-in: that is when the server-side session starts.
      if (user) {
        token.uid = user.id
        token.sid = (await startSession(db, user.id)).id
        await settleLandingSchool(db, user.id)
      }
      return token
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === 'string') session.user.id = token.uid
      return session
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endSession(db, token.sid)
    },
  },
}
