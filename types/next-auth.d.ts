import 'next-auth'

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null }
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string
    /** The server-side Session row (lib/auth/sessions.ts) this token stands for. */
    sid?: string
  }
}
