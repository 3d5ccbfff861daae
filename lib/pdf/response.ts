/** A PDF download: never cached (a plan copy must be the version asked for, and carries personal data). */
export function pdfResponse(pdf: Buffer, filename: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}

/**
 * Where the portal is reached, for the check link and QR code printed on a plan: NEXTAUTH_URL when set
 * (the address people use, whatever proxy the request came through), otherwise the request's own origin.
 */
export function portalOrigin(req: Request, configured = process.env.NEXTAUTH_URL): string {
  const origin = configured ? new URL(configured).origin : new URL(req.url).origin
  return origin
}

/** A version number from the URL: a positive whole number, or null (answered as not found). */
export function versionNumber(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null
}
