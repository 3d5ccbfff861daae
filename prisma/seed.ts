/*
 * Demo data: two schools and one login per role. Idempotent: running it again changes nothing
 * (existing rows are found by their natural keys and left as they are).
 */
import { hashPassword } from '../lib/auth/password'
import { db } from '../lib/db'
import type { Role } from '../lib/generated/prisma/enums'
import { ensureBuiltInRoles } from '../lib/team/mutations'
import { seedPlans } from './seed-plans'
import { seedReviews } from './seed-reviews'
import { seedRisks } from './seed-risks'
import { seedTeam } from './seed-team'

export const DEMO_PASSWORD = 'continuity-demo-2026'

export const DEMO_LOGINS: { email: string; name: string; role: Role; label: string }[] = [
  {
    email: 'manager@oakfield.example',
    name: 'Priya Shah',
    role: 'MANAGER',
    label: 'service continuity manager',
  },
  { email: 'team@oakfield.example', name: 'Tom Evans', role: 'TEAM', label: 'recovery team member' },
  { email: 'head@oakfield.example', name: 'Helen Carter', role: 'HEAD', label: 'head teacher' },
  {
    email: 'viewer@oakfield.example',
    name: 'George Miles',
    role: 'VIEWER',
    label: 'governor (read-only viewer)',
  },
]

const SCHOOLS = [
  { urn: '100001', name: 'Oakfield Primary School', timeZone: 'Europe/London' },
  { urn: '100002', name: 'Riverside Academy', timeZone: 'Europe/London' },
]

export async function seed(): Promise<{ created: number }> {
  let created = 0
  const schools: Record<string, string> = {}
  for (const s of SCHOOLS) {
    const found = await db.school.findUnique({ where: { urn: s.urn }, select: { id: true } })
    if (found) schools[s.urn] = found.id
    else {
      schools[s.urn] = (await db.school.create({ data: s, select: { id: true } })).id
      created++
    }
  }
  const hash = await hashPassword(DEMO_PASSWORD)
  const memberships: { email: string; urn: string; role: Role }[] = [
    ...DEMO_LOGINS.map((l) => ({ email: l.email, urn: '100001', role: l.role })),
    // The manager also serves a second school in the trust, so switching schools can be tried.
    { email: 'manager@oakfield.example', urn: '100002', role: 'MANAGER' },
  ]
  for (const l of DEMO_LOGINS) {
    const found = await db.user.findUnique({ where: { email: l.email }, select: { id: true } })
    if (!found) {
      await db.user.create({ data: { email: l.email, name: l.name, passwordHash: hash } })
      created++
    }
  }
  for (const m of memberships) {
    const user = await db.user.findUniqueOrThrow({ where: { email: m.email }, select: { id: true } })
    const schoolId = schools[m.urn]!
    const found = await db.membership.findUnique({
      where: { userId_schoolId: { userId: user.id, schoolId } },
    })
    if (!found) {
      await db.membership.create({ data: { userId: user.id, schoolId, role: m.role } })
      created++
    }
  }
  // Every school has the two built-in recovery roles; the demo school has a whole team.
  for (const id of Object.values(schools)) created += await ensureBuiltInRoles(db, id)
  created += await seedTeam(db, schools['100001']!)
  // Contingency plans, steps and backups, and the risk register, in the demo school, by its manager.
  const manager = await db.user.findUniqueOrThrow({
    where: { email: DEMO_LOGINS[0]!.email },
    select: { id: true },
  })
  created += await seedPlans(db, { schoolId: schools['100001']!, userId: manager.id })
  created += await seedRisks(schools['100001']!, manager.id)
  created += await seedReviews(schools['100001']!, {
    manager: 'manager@oakfield.example',
    head: 'head@oakfield.example',
  })
  return { created }
}

if (process.argv[1]?.endsWith('seed.ts')) {
  seed()
    .then(({ created }) => {
      console.log(
        created ? `Seeded demo data (${created} rows).` : 'Demo data already present: nothing changed.',
      )
      console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`)
      for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(28)} ${l.label}`)
      process.exit(0)
    })
    .catch((e: unknown) => {
      console.error('Seed failed:', e)
      process.exit(1)
    })
}
