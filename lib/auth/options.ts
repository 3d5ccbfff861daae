import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { db } from '@/lib/db'
import { clientIp, parseTrustedProxyHops } from './client-ip'
import { authenticate } from './sign-in'

/**
 * Sessions end eight hours (a school day) after sign-in, however busy the user. The session is a JWT
 * cookie, and pages and actions read it through getServerSession, which cannot set cookies, so its
 * expiry is never pushed back. (next-auth's GET /api/auth/session would re-issue it, but nothing in the
 * app calls that: there is no SessionProvider. updateAge applies to database sessions only.)
 */
export const SESSION_MAX_AGE_S = 8 * 60 * 60

// How many proxies beyond the one next to the app append to X-Forwarded-For (see client-ip.ts).
// Read once at start, so that a mistyped value stops the server instead of weakening the throttle.
const TRUSTED_PROXY_HOPS = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS)

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
          clientIp(req?.headers?.['x-forwarded-for'], TRUSTED_PROXY_HOPS),
        )
        if (result.ok) return result.user
        // next-auth passes the message to the client as `error`; the form maps it to plain words.
        throw new Error(result.reason)
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id
      return token
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === 'string') session.user.id = token.uid
      return session
    },
  },
}
