import type { MetadataRoute } from 'next'

/** The web app manifest (served at /manifest.webmanifest): lets a phone add the portal to its home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'School ICT service continuity',
    short_name: 'ICT continuity',
    description: "A school's living ICT service continuity plan: services, risks, recovery team and reviews.",
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // brand-700 from app/globals.css, as the header.
    theme_color: '#175746',
    background_color: '#ffffff',
    lang: 'en-GB',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ],
  }
}
