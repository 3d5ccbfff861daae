/*
 * Demo recovery team for the demo school: the built-in roles, the roles a primary school typically adds,
 * and a believable team (the demo logins linked to their members, a supplier's engineer with no login,
 * a technician who has left). Idempotent: roles and members are found by name and left as they are.
 */
import type { Db } from '../lib/db'
import { ensureBuiltInRoles } from '../lib/team/mutations'
import { NCSC_TITLE } from '../lib/team/schema'

const ROLES = [
  {
    name: 'ICT technician',
    responsibilities: 'Restores hardware, the network and the servers; restores data from backup.',
  },
  {
    name: 'Communications lead',
    responsibilities:
      'Tells staff, parents and the local authority what has happened and what to do, by text and the website.',
  },
  {
    name: 'Office lead',
    responsibilities: 'Runs the paper registers and the phone cascade while the MIS is down.',
  },
  {
    name: 'Site manager',
    responsibilities: 'Power, access to the building and the server room, contractors on site.',
  },
  {
    name: 'Supplier engineer',
    responsibilities: 'Invokes the support contract and restores the managed services.',
  },
  {
    name: 'Backup operator',
    responsibilities: 'Swaps and takes home the offline backup drive every Friday.',
  },
]

type Training = {
  kind: 'NCSC_CYBER' | 'TRAINING' | 'REHEARSAL'
  monthsAgo: number
  title?: string
  provider?: string
}
type Member = {
  name: string
  jobTitle: string
  login?: string
  roles: string[]
  systemAccess: boolean
  mobile: string
  personalEmail: string
  outOfHoursNotes: string
  fallbackContact: string
  left?: boolean
  training: Training[]
}

const TABLETOP: Training = {
  kind: 'REHEARSAL',
  monthsAgo: 2,
  title: 'Tabletop exercise: ransomware on the office PCs',
  provider: 'Led by the service continuity manager',
}

const MEMBERS: Member[] = [
  {
    name: 'Priya Shah',
    jobTitle: 'ICT manager',
    login: 'manager@oakfield.example',
    roles: ['Service continuity manager'],
    systemAccess: true,
    mobile: '07700 900101',
    personalEmail: 'priya.shah@example.org',
    outOfHoursNotes: 'Lives 15 minutes away. Holds the server room key and the off-site copy of the plan.',
    fallbackContact: 'Tom Evans (deputy): 07700 900102',
    training: [{ kind: 'NCSC_CYBER', monthsAgo: 4, provider: 'NCSC (online)' }, TABLETOP],
  },
  {
    name: 'Tom Evans',
    jobTitle: 'ICT technician',
    login: 'team@oakfield.example',
    roles: ['Deputy service continuity manager', 'ICT technician'],
    systemAccess: true,
    mobile: '07700 900102',
    personalEmail: 'tom.evans@example.org',
    outOfHoursNotes: 'Works Monday to Thursday. Text first in the evening.',
    fallbackContact: 'Priya Shah: 07700 900101',
    training: [
      { kind: 'NCSC_CYBER', monthsAgo: 14, provider: 'NCSC (online)' },
      {
        kind: 'TRAINING',
        monthsAgo: 8,
        title: 'Restoring the MIS from cloud backup',
        provider: 'Northgate IT Services',
      },
      TABLETOP,
    ],
  },
  {
    name: 'Helen Carter',
    jobTitle: 'Head teacher',
    login: 'head@oakfield.example',
    roles: ['Communications lead'],
    systemAccess: true,
    mobile: '07700 900103',
    personalEmail: '',
    outOfHoursNotes: 'Decides on closing the school. Call, do not text.',
    fallbackContact: 'Aisha Rahman: 07700 900104',
    training: [{ kind: 'NCSC_CYBER', monthsAgo: 3, provider: 'NCSC (online)' }, TABLETOP],
  },
  {
    name: 'Aisha Rahman',
    jobTitle: 'School business manager',
    roles: ['Office lead', 'Communications lead'],
    systemAccess: true,
    mobile: '07700 900104',
    personalEmail: 'aisha.r@example.org',
    outOfHoursNotes: 'Keeps the paper register packs and the parent phone list at home.',
    fallbackContact: 'School office landline diverts to her mobile',
    training: [],
  },
  {
    name: 'Dave Morgan',
    jobTitle: 'Site manager',
    roles: ['Site manager'],
    systemAccess: false,
    mobile: '07700 900105',
    personalEmail: '',
    outOfHoursNotes: 'On call for the alarm company. Lives on site.',
    fallbackContact: 'Alarm company keyholder line: 01632 960105',
    training: [],
  },
  {
    name: 'Jo Baker',
    jobTitle: 'Engineer, Northgate IT Services',
    roles: ['Supplier engineer'],
    systemAccess: false,
    mobile: '07700 900106',
    personalEmail: '',
    outOfHoursNotes: 'Through the support desk only outside office hours; quote contract NIT-4471.',
    fallbackContact: 'Northgate support desk: 0300 555 0142',
    training: [],
  },
  {
    name: 'Mark Ellis',
    jobTitle: 'ICT technician (part time)',
    roles: ['ICT technician', 'Backup operator'],
    systemAccess: true,
    mobile: '07700 900107',
    personalEmail: '',
    outOfHoursNotes: '',
    fallbackContact: '',
    left: true,
    training: [{ kind: 'NCSC_CYBER', monthsAgo: 20, provider: 'NCSC (online)' }],
  },
]

function monthsAgo(n: number, now: Date) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 10, 12))
  return d
}

/** Seeds the demo school's recovery team; returns how many rows it created. */
export async function seedTeam(db: Db, schoolId: string, now = new Date()): Promise<number> {
  let created = await ensureBuiltInRoles(db, schoolId)
  for (const r of ROLES) {
    const found = await db.recoveryRole.findFirst({ where: { schoolId, name: r.name }, select: { id: true } })
    if (!found) {
      await db.recoveryRole.create({ data: { schoolId, ...r } })
      created++
    }
  }
  const roles = await db.recoveryRole.findMany({ where: { schoolId }, select: { id: true, name: true } })
  const roleId = new Map(roles.map((r) => [r.name, r.id]))
  for (const m of MEMBERS) {
    if (await db.teamMember.findFirst({ where: { schoolId, name: m.name }, select: { id: true } })) continue
    const membership = m.login
      ? await db.membership.findFirst({ where: { schoolId, user: { email: m.login } }, select: { id: true } })
      : null
    await db.teamMember.create({
      data: {
        schoolId,
        name: m.name,
        jobTitle: m.jobTitle,
        membershipId: membership?.id ?? null,
        systemAccess: m.systemAccess,
        mobile: m.mobile,
        personalEmail: m.personalEmail,
        outOfHoursNotes: m.outOfHoursNotes,
        fallbackContact: m.fallbackContact,
        leftAt: m.left ? monthsAgo(1, now) : null,
        roles: { create: m.roles.map((name) => ({ schoolId, roleId: roleId.get(name)! })) },
        training: {
          create: m.training.map((t) => ({
            schoolId,
            kind: t.kind,
            heldOn: monthsAgo(t.monthsAgo, now),
            title: t.title ?? NCSC_TITLE,
            provider: t.provider ?? '',
          })),
        },
      },
    })
    created++
  }
  return created
}
