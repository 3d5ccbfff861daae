import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'ICT service continuity', template: '%s · ICT service continuity' },
  description: "A school's living ICT service continuity plan: services, risks, recovery team and reviews.",
  applicationName: 'School ICT service continuity',
  // The SVG for browsers that take it, the ICO for the rest; app/manifest.ts adds its own link.
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/favicon.ico', sizes: '32x32' },
    ],
    apple: '/apple-touch-icon.png',
  },
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#175746' }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render every page per request, 404 included: Next puts proxy.ts's CSP nonce on its scripts only while
  // rendering a request, so a page prerendered at build time would have its scripts blocked.
  await connection()
  return (
    <html lang="en-GB">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  )
}
