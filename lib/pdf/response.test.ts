import { describe, expect, it } from 'vitest'
import { pdfResponse, portalOrigin, versionNumber } from './response'

describe('the PDF routes’ helpers', () => {
  const req = new Request('http://10.0.0.5:3000/plan/versions/2/pdf')
  it('prints the configured portal address on the QR code, else the request’s own', () => {
    expect(portalOrigin(req, 'https://portal.example.org/some/path')).toBe('https://portal.example.org')
    expect(portalOrigin(req, undefined)).toBe('http://10.0.0.5:3000')
    expect(portalOrigin(req, '')).toBe('http://10.0.0.5:3000')
  })

  it('takes only a positive whole version number', () => {
    expect(versionNumber('12')).toBe(12)
    for (const bad of ['0', '-1', '1.5', '01', 'abc', '', '1e3', '9999999999'])
      expect(versionNumber(bad)).toBeNull()
  })

  it('sends the PDF as a download that is never cached', async () => {
    const res = pdfResponse(Buffer.from('%PDF-1.3'), 'recovery-plan-v2.pdf')
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="recovery-plan-v2.pdf"')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.text()).toBe('%PDF-1.3')
  })
})
