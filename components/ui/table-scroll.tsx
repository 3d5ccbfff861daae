import type { ReactNode } from 'react'

/** A table container that scrolls sideways on a phone and can be scrolled by keyboard (it takes focus). */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users (WCAG 2.1.1)
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-300 bg-white"
    >
      {children}
    </section>
  )
}
