'use client'

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <main style={{ padding: 24, fontFamily: 'system-ui' }}>
          <h1>Something went wrong</h1>
          <p>The portal could not show this page. Nothing you saved before this was lost.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  )
}
