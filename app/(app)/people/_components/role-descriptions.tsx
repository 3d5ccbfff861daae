'use client'
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/auth/permissions'
import type { Role } from '@/lib/generated/prisma/enums'

/**
 * What each role can do, in words. Fixed text, drawn by a client component so that no request pays to
 * send its markup through the page's React payload (ARCHITECTURE.md, "What a page costs").
 */
export function RoleDescriptions() {
  return (
    <dl>
      {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
        <div key={role} className="mb-2">
          <dt className="font-semibold">{ROLE_LABELS[role]}</dt>
          <dd className="text-slate-700">{ROLE_DESCRIPTIONS[role]}</dd>
        </div>
      ))}
    </dl>
  )
}
