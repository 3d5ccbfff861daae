/** Runs once in each server process before Next.js serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Sign-in throttling counts the connection's own address; Next.js does not expose it (see the module).
    const { installPeerAddressStamp } = await import('./lib/auth/peer-address')
    installPeerAddressStamp()
  }
}
