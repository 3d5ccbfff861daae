/**
 * The full recovery plan of one published version as a PDF (issue 11, item 5): cover, contents, the
 * recovery order, a section per service, the assets' restore procedures, the contact sheet and the gaps.
 * Everything comes from the snapshot, so the paper copy says exactly what was approved.
 *
 * Drawn with pdfkit through `layout.ts` (see there why not react-pdf): a trust's plan of about 1,000 pages
 * takes under 2 s of CPU instead of half a minute.
 */
import { assetTypeLabel } from '@/lib/assets/schema'
import { strategyLabel } from '@/lib/contingency/schema'
import {
  hasEstimate,
  type PlanSnapshot,
  type SnapshotAsset,
  type SnapshotMember,
  type SnapshotService,
  type SnapshotStep,
} from '@/lib/plan/snapshot'
import {
  bold,
  type Cell,
  checkQrCode,
  colours,
  fingerprintRuns,
  PAGE,
  type Para,
  type Run,
  st,
  WIDTH,
  Writer,
} from './layout'
import { approvalLine, checkBase, type PdfStamp, pdfDay } from './stamp'
import { criticalityWord, duration, estimateDetail, estimateSentence, everyWord, holdersText } from './words'

export type PlanPdfOptions = {
  /** Print the team's phones and personal details (plan.contacts); otherwise a note replaces them. */
  contacts: boolean
}

type Ctx = { members: ReadonlyMap<string, SnapshotMember>; contacts: boolean }

/** Holders named beside a step; the rest are counted, and all are listed under "Who holds each role". */
const HOLDERS_PER_STEP = 4
/** Steps are set in from the left margin. */
const STEP_INDENT = 10
const warnSmall = { ...st.small, font: 'Helvetica-Bold' as const, color: colours.warn }

/** "Label: value" as one paragraph, left out when the value is empty. */
function field(w: Writer, label: string, value: string, style = st.para): void {
  if (value === '') return
  w.para({ runs: [bold(`${label}: `), { text: value }], style })
}

/**
 * One step: number, instruction and time, then the role and who holds it, kept together on a page (and
 * with `keep` more points below it, for a heading's first step).
 */
function step(w: Writer, s: SnapshotStep, ctx: Ctx, holders: boolean, keep = 0): void {
  const nobody = s.holderIds.length === 0
  const first: Para = {
    runs: [bold(`${s.position}. `), { text: `${s.instruction} (${duration(s.minutes)})` }],
    style: st.body,
    indent: STEP_INDENT,
  }
  const who = nobody
    ? ': NOBODY holds this role'
    : holders
      ? `: ${holdersText(s, ctx.members, ctx.contacts, HOLDERS_PER_STEP)}`
      : ''
  const second: Para = {
    runs: `${s.role ? s.role.name : 'No role'}${who}`,
    style: nobody ? warnSmall : st.small,
    indent: STEP_INDENT,
  }
  w.keep([first, second], keep)
  w.para(first)
  w.para(second)
  w.space(3)
}

function steps(w: Writer, list: SnapshotStep[], ctx: Ctx, holders: boolean): void {
  if (list.length === 0) {
    w.para({ runs: 'No steps written down.', style: st.muted })
    return
  }
  for (const s of list) step(w, s, ctx, holders)
}

/**
 * Who holds each role, once, at the start of the services: restore steps print the role alone, because on
 * a trust's plan the same few names and phones repeated beside thousands of steps would double its length.
 */
function roleHolders(w: Writer, snapshot: PlanSnapshot, ctx: Ctx): void {
  const roles = new Map<string, { name: string; holders: string[] }>()
  for (const m of snapshot.members) {
    for (const r of m.roles) {
      const entry = roles.get(r.id) ?? { name: r.name, holders: [] }
      entry.holders.push(ctx.contacts && m.mobile ? `${m.name} (${m.mobile})` : m.name)
      roles.set(r.id, entry)
    }
  }
  w.heading({ runs: 'Who holds each role', style: st.h3 }, w.lineOf(st.small))
  for (const r of roles.values()) {
    w.para({ runs: [bold(`${r.name}: `), { text: r.holders.join(', ') }], style: st.small })
  }
  w.space(10)
}

function cover(w: Writer, snapshot: PlanSnapshot, stamp: PdfStamp, qr: string, title: string): void {
  const approved = stamp.status === 'APPROVED'
  w.space(30)
  w.para({ runs: stamp.schoolName, style: { ...st.body, size: 12, color: colours.muted } })
  w.space(6)
  w.para({ runs: title, style: { ...st.h1, size: 26 } })
  w.para({ runs: `Version ${stamp.version}`, style: { ...st.body, size: 16, lineHeight: 1.2, after: 18 } })
  const line = { ...st.body, size: 13, font: 'Helvetica-Bold' as const }
  if (approved) w.para({ runs: approvalLine(stamp), style: { ...line, color: colours.ok } })
  else
    w.box([{ runs: approvalLine(stamp), style: { ...line, color: colours.warn } }], {
      fill: colours.warnBg,
      padding: 6,
      margin: 6,
    })
  w.space(14)
  field(w, 'Published', `${pdfDay(stamp.publishedAt, stamp.timeZone)} by ${stamp.publishedByName}`)
  field(w, 'Plan taken', pdfDay(new Date(snapshot.takenAt), stamp.timeZone))
  field(w, 'Services', String(snapshot.services.length))
  w.space(24)
  // The QR code on the left, the fingerprint and how to check it beside it.
  const top = w.y
  const size = 120
  w.image(qr, PAGE.left, top, size)
  const x = PAGE.left + size + 16
  const width = WIDTH - size - 16
  w.para({ runs: 'FINGERPRINT', style: st.label }, { x, width })
  const [first, rest] = fingerprintRuns(stamp.fingerprint)
  w.para(
    {
      runs: [{ text: first, font: 'Courier-Bold' }, { text: rest }],
      style: { ...st.body, font: 'Courier', size: 10, after: 10 },
    },
    { x, width },
  )
  w.para(
    {
      runs: `Check this copy is current: scan the code or visit ${checkBase(stamp.origin)} and type the fingerprint.`,
      style: st.body,
    },
    { x, width },
  )
  w.doc.y = Math.max(w.y, top + size)
  if (snapshot.gaps.length > 0) gaps(w, snapshot, true)
}

function gaps(w: Writer, snapshot: PlanSnapshot, compact = false): void {
  if (snapshot.gaps.length === 0) {
    w.para({
      runs: 'None: the plan has a continuity manager, a deputy and a plan for every vital service.',
      style: st.body,
    })
    return
  }
  if (!compact) {
    for (const gap of snapshot.gaps) w.para({ runs: `- ${gap.text}`, style: st.para })
    return
  }
  const n = snapshot.gaps.length
  const warn = { ...st.body, color: colours.warn }
  const paras: Para[] = [
    {
      runs: `This plan has ${n} gap${n === 1 ? '' : 's'}, printed on it:`,
      style: { ...warn, font: 'Helvetica-Bold' },
    },
    ...snapshot.gaps.slice(0, 8).map((gap) => ({ runs: `- ${gap.text}`, style: warn })),
  ]
  if (n > 8) paras.push({ runs: `...and ${n - 8} more, listed in the section "Gaps".`, style: warn })
  w.box(paras, { fill: colours.warnBg, padding: 6, margin: 6 })
}

const SECTIONS = [
  ['order', '1. Recovery order'],
  ['services', '2. Services, in recovery order'],
  ['assets', '3. Restoring assets'],
  ['contacts', '4. Contact sheet'],
  ['gaps', '5. Gaps'],
] as const

function contents(w: Writer, snapshot: PlanSnapshot): void {
  w.para({ runs: 'Contents', style: st.h2 })
  for (const [id, label] of SECTIONS)
    w.para({ runs: [{ text: label, goTo: id }], style: { ...st.body, after: 3 } })
  w.space(8)
  w.para({
    runs:
      `${snapshot.services.length} services, ${snapshot.assets.length} assets to restore, ` +
      `${snapshot.members.length} people on the recovery team, ${snapshot.gaps.length} gaps. Each service in ` +
      'the recovery order links to its section.',
    style: st.muted,
  })
}

function orderTable(w: Writer, snapshot: PlanSnapshot): void {
  w.heading({ runs: '1. Recovery order', style: st.h2 }, 60, 'order')
  w.para({
    runs:
      'Services are recovered in this order: shortest recovery time objective (RTO) first, then the most ' +
      'critical. At risk means the estimate along the critical path is longer than the RTO.',
    style: st.para,
  })
  const cell = (text: string, look: Partial<Run> = {}): Cell => [
    { runs: [{ text, ...look }], style: st.body },
  ]
  const head = ['#', 'Service', 'Criticality', 'RTO', 'Estimate', 'On time?'].map((t) => [
    { runs: t, style: st.head },
  ])
  w.table(
    [{ width: 26 }, { flex: 1 }, { width: 62 }, { width: 62 }, { width: 100 }, { width: 62 }],
    head,
    snapshot.services.map((svc) => [
      cell(String(svc.position)),
      cell(svc.name, { goTo: `service-${svc.id}` }),
      cell(criticalityWord(svc.criticality)),
      cell(duration(svc.rtoMinutes)),
      // A service with no timed steps has no estimate: "0 minutes, on time" would promise what nobody wrote.
      cell(hasEstimate(svc.estimate) ? duration(svc.estimate.criticalMinutes) : 'No estimate yet'),
      !hasEstimate(svc.estimate)
        ? cell('Not known')
        : svc.estimate.atRisk
          ? cell('AT RISK', { font: 'Helvetica-Bold', color: colours.warn })
          : cell('On time'),
    ]),
  )
}

function serviceSection(w: Writer, svc: SnapshotService, total: number, ctx: Ctx): void {
  w.heading(
    {
      runs: [
        { text: `${svc.position}. ${svc.name}` },
        { text: `  service ${svc.position} of ${total}`, font: 'Helvetica', size: 9, color: colours.muted },
      ],
      style: st.h2,
    },
    80,
    `service-${svc.id}`,
  )
  field(w, 'Criticality', criticalityWord(svc.criticality))
  field(w, 'Why here', svc.why)
  w.para({
    runs: estimateSentence(svc.estimate, svc.rtoMinutes),
    style: svc.estimate.atRisk ? st.warn : st.para,
  })
  if (hasEstimate(svc.estimate))
    w.para({ runs: estimateDetail(svc.estimate), style: { ...st.small, after: 4 } })
  if (svc.estimate.lateChain.length > 0) field(w, 'What makes it late', svc.estimate.lateChain.join(' -> '))
  field(w, 'Minimum service level', svc.minServiceLevel)
  field(w, 'Recovery point objective', duration(svc.rpoMinutes))
  if (svc.assets.length > 0) {
    field(
      w,
      'Needs, in restore order',
      svc.assets.map((a) => `${a.name}${a.required ? '' : ' (can do without)'}`).join(', '),
    )
  }
  if (svc.plans.length === 0) {
    w.para({ runs: 'NO CONTINGENCY PLAN for this service.', style: st.warn })
  }
  for (const plan of svc.plans) {
    w.heading({ runs: `Contingency plan: ${plan.name}`, style: st.h3 }, w.lineOf(st.body) * 2)
    field(w, 'Strategy', strategyLabel(plan.strategy))
    field(w, 'What it does', plan.description)
    field(w, 'Manual workaround', plan.manualWorkaround)
    field(w, 'Invoke when', plan.invocationCriteria)
    if (plan.standby) {
      const sb = plan.standby
      field(
        w,
        'Standby',
        [sb.supplier, sb.contract && `contract ${sb.contract}`].filter(Boolean).join(', ') +
          (sb.contact ? `; call ${sb.contact}` : '') +
          (sb.howToInvoke ? `. ${sb.howToInvoke}` : ''),
      )
    }
    w.space(4)
    // The label stays with the first step.
    const label: Para = { runs: 'STEPS', style: st.label }
    w.ensure(w.lineOf(st.label) + w.lineOf(st.body) + w.lineOf(st.small))
    w.para(label)
    steps(w, plan.steps, ctx, true)
  }
  if (svc.suppliers.length > 0) {
    w.heading({ runs: 'Suppliers to call', style: st.h3 }, w.lineOf(st.body))
    for (const sup of svc.suppliers) {
      w.para({
        runs: [
          bold(sup.name),
          { text: `${sup.contact ? `: ${sup.contact}` : ''}${sup.reason ? ` (${sup.reason})` : ''}` },
        ],
        style: st.body,
      })
    }
  }
  if (svc.backups.length > 0) {
    w.heading({ runs: 'Backups', style: st.h3 }, w.lineOf(st.body))
    for (const b of svc.backups) {
      const tested = b.lastRestoreTestAt
        ? `Last restore test passed ${pdfDay(new Date(b.lastRestoreTestAt), 'UTC')}.`
        : 'NEVER RESTORE-TESTED.'
      const backup: Para = {
        runs: [
          bold(b.name),
          {
            text: ` of ${b.of}: ${b.medium}, ${b.location}, ${everyWord(b.frequencyMinutes)}${b.offline ? ', kept offline' : ''}. ${tested}`,
          },
        ],
        style: st.body,
      }
      // A backup's few lines stay together: "NEVER RESTORE-TESTED." alone atop a page reads as orphaned.
      w.keep([backup])
      w.para(backup)
    }
  }
}

function assetSection(w: Writer, asset: SnapshotAsset, ctx: Ctx): void {
  const details = [
    assetTypeLabel(asset.type),
    asset.location,
    asset.supplier,
    asset.contractRef && `contract ${asset.contractRef}`,
  ]
    .filter(Boolean)
    .join(' · ')
  const heading: Para = {
    runs: [
      { text: `${asset.position}. ${asset.name}` },
      {
        text: `  restore within ${duration(asset.deadlineMinutes)}${asset.inLoop ? ' · IN A DEPENDENCY LOOP' : ''}`,
        font: 'Helvetica',
        size: 8.5,
        color: colours.muted,
      },
    ],
    style: st.h3,
  }
  const detail: Para = { runs: details, style: st.smallMuted }
  // The heading never ends a page: it stays with its details and its first step (both lines of it).
  const next =
    (details ? w.measure(detail) : 0) +
    (asset.steps.length > 0 ? w.lineOf(st.body) + w.lineOf(st.small) : w.lineOf(st.body))
  w.heading(heading, next)
  if (details) w.para(detail)
  steps(w, asset.steps, ctx, false)
  w.space(8)
}

function contactSheet(w: Writer, snapshot: PlanSnapshot, contacts: boolean): void {
  if (!contacts) {
    w.box(
      [
        {
          runs:
            "This copy leaves out the recovery team's phone numbers and personal details: your role does not " +
            'include them. The team members named beside each step hold the full contact sheet.',
          style: { ...st.body, color: colours.warn },
        },
      ],
      { fill: colours.warnBg, padding: 6, margin: 6 },
    )
    return
  }
  const { members } = snapshot
  if (members.length === 0) {
    w.para({ runs: 'Nobody is on the recovery team.', style: st.muted })
    return
  }
  const head = ['Name', 'Roles', 'Phones', 'Other'].map((t) => [{ runs: t, style: st.head }])
  w.table(
    [{ width: 110, padRight: 6 }, { flex: 1, padRight: 6 }, { width: 110, padRight: 6 }, { flex: 1 }],
    head,
    members.map((m) => {
      const name: Cell = [{ runs: [bold(m.name)], style: st.body }]
      if (m.jobTitle) name.push({ runs: m.jobTitle, style: st.small })
      const phones: Cell = [{ runs: m.mobile || 'No mobile', style: st.body }]
      if (m.otherPhone) phones.push({ runs: m.otherPhone, style: st.body })
      const other: Cell = []
      if (m.personalEmail) other.push({ runs: m.personalEmail, style: st.body })
      if (m.outOfHoursNotes) other.push({ runs: m.outOfHoursNotes, style: st.small })
      if (m.fallbackContact) other.push({ runs: `Fallback: ${m.fallbackContact}`, style: st.small })
      return [
        name,
        [{ runs: m.roles.map((r) => r.name).join(', ') || 'No role', style: st.body }],
        phones,
        other,
      ]
    }),
  )
}

/** The full plan of one version. `contacts: false` leaves out every phone and personal detail of the team. */
export async function renderPlanPdf(
  snapshot: PlanSnapshot,
  stamp: PdfStamp,
  options: PlanPdfOptions = { contacts: true },
): Promise<Buffer> {
  const qr = await checkQrCode(stamp.origin, stamp.fingerprint)
  const ctx: Ctx = { members: new Map(snapshot.members.map((m) => [m.id, m])), contacts: options.contacts }
  const title = 'ICT service continuity recovery plan'
  const w = new Writer(stamp, 'recovery plan')

  w.page()
  cover(w, snapshot, stamp, qr, title)

  w.page()
  contents(w, snapshot)
  w.space(16)
  orderTable(w, snapshot)

  // A page per service: each can be pulled out and handed over.
  snapshot.services.forEach((svc, i) => {
    w.page()
    if (i === 0) {
      w.dest('services')
      w.para({ runs: '2. Services, in recovery order', style: st.section })
      roleHolders(w, snapshot, ctx)
    }
    serviceSection(w, svc, snapshot.services.length, ctx)
  })

  if (snapshot.assets.length > 0) {
    w.page()
    w.dest('assets')
    w.para({ runs: '3. Restoring assets', style: st.section })
    w.para({
      runs:
        'Restore the assets in this order: each comes after everything it depends on. Each step names ' +
        'the role that carries it out; who holds each role is listed at the start of section 2.',
      style: st.para,
    })
    for (const asset of snapshot.assets) assetSection(w, asset, ctx)
  }

  w.page()
  w.dest('contacts')
  w.para({ runs: '4. Contact sheet', style: st.section })
  contactSheet(w, snapshot, options.contacts)
  w.space(20)
  w.heading({ runs: '5. Gaps', style: st.section }, w.lineOf(st.body), 'gaps')
  gaps(w, snapshot)

  return w.finish(stamp, `${title}, version ${stamp.version} · ${stamp.schoolName}`, 1)
}
