'use client'

import { Button } from '@/components/ui/button'

/** Opens the browser's print dialogue; the print stylesheet (app/globals.css) lays the plan out for paper. */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button variant="secondary" className="print-hide" onClick={() => window.print()}>
      {label}
    </Button>
  )
}
