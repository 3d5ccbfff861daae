import type { ReactNode } from 'react'

const TONES = {
  info: 'border-sky-700 bg-sky-50 text-sky-950',
  success: 'border-green-700 bg-green-50 text-green-950',
  warning: 'border-amber-600 bg-amber-50 text-amber-950',
  error: 'border-red-700 bg-red-50 text-red-950',
} as const

/**
 * A message box. Errors are announced at once (role="alert"); the rest politely (role="status").
 * data-notice lets tests find it apart from Next's route announcer, which is also an alert.
 */
export function Notice({
  tone = 'info',
  title,
  children,
}: {
  tone?: keyof typeof TONES
  title?: string
  children?: ReactNode
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-notice={tone}
      className={`mb-4 rounded-md border-l-4 p-3 ${TONES[tone]}`}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className="text-sm">{children}</div>}
    </div>
  )
}
