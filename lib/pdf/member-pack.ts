/**
 * One team member's pack (issue 11, item 5): only their steps, in recovery order, with the hand-over on
 * either side, and the people and suppliers they need; the same stamp as the full plan so the check page
 * recognises it. What goes in is chosen by `pack.ts` (pure, tested).
 *
 * Drawn with pdfkit through `layout.ts` (see there why not react-pdf): a trust member's pack of a few
 * hundred pages takes well under a second of CPU.
 */
import type { PlanSnapshot, SnapshotMember, SnapshotStep } from '@/lib/plan/snapshot'
import { bold, type Cell, checkQrCode, colours, PAGE, type Para, st, WIDTH, Writer } from './layout'
import { type PackStep, selectPack } from './pack'
import { approvalLine, checkBase, type PdfStamp } from './stamp'
import { duration, holdersText } from './words'

type Members = ReadonlyMap<string, SnapshotMember>

/** Steps are set in from the left margin. */
const STEP_INDENT = 10

function handOver(label: string, step: SnapshotStep | null, members: Members): Para | null {
  if (!step) return null
  return {
    runs: `${label}: step ${step.position}, ${step.role ? step.role.name : 'no role'} (${holdersText(step, members, false, 4)})`,
    style: st.smallMuted,
    indent: STEP_INDENT,
  }
}

/** Who else holds the step's role, by name: ", with Tess Tech and Colin Caretaker". */
function othersText(step: SnapshotStep, members: Members, memberId: string): string {
  const names = step.holderIds.filter((id) => id !== memberId).map((id) => members.get(id)?.name)
  const known = names.filter((n): n is string => !!n)
  if (known.length === 0) return ''
  const shown =
    known.length <= 4 ? known.join(', ') : `${known.slice(0, 4).join(', ')} and ${known.length - 4} more`
  return `, with ${shown}`
}

/** A step's paragraphs: the instruction, the role it is done as, and the hand-over on either side. */
function stepParas(item: PackStep, members: Members, memberId: string): Para[] {
  const paras: Para[] = [
    {
      runs: [
        bold(`Step ${item.step.position}. `),
        { text: `${item.step.instruction} (${duration(item.step.minutes)})` },
      ],
      style: st.body,
      indent: STEP_INDENT,
    },
    {
      runs: `As ${item.step.role ? item.step.role.name : 'no role'}${othersText(item.step, members, memberId)}`,
      style: st.small,
      indent: STEP_INDENT,
    },
  ]
  for (const p of [
    handOver('Before you', item.before, members),
    handOver('After you', item.after, members),
  ]) {
    if (p) paras.push(p)
  }
  return paras
}

/** A step kept whole on a page, with `keep` more points (its heading) above it on the same page. */
function drawStep(w: Writer, paras: Para[], keep = 0): void {
  w.keep(paras, keep + 3)
  w.space(3)
  for (const p of paras) w.para(p)
}

/** Consecutive steps of the same procedure under one heading. */
function groups(steps: PackStep[]): PackStep[][] {
  const out: PackStep[][] = []
  for (const step of steps) {
    const last = out.at(-1)
    if (last && last[0]!.procedure === step.procedure) last.push(step)
    else out.push([step])
  }
  return out
}

function group(w: Writer, items: PackStep[], members: Members, memberId: string): void {
  const first = items[0]!
  // The heading never ends a page: it stays with the first step.
  const heading: Para = { runs: first.procedure, style: st.h3 }
  const services: Para | null =
    first.services.length > 0 ? { runs: `For: ${first.services.join(', ')}`, style: st.smallMuted } : null
  const firstStep = stepParas(first, members, memberId)
  w.space(st.h3.before)
  const top: Para = { ...heading, style: { ...st.h3, before: 0 } }
  w.keep(services ? [top, services, ...firstStep] : [top, ...firstStep], 3)
  w.para(top)
  if (services) w.para(services)
  drawStep(w, firstStep)
  for (const item of items.slice(1)) drawStep(w, stepParas(item, members, memberId))
  w.space(8)
}

/*
 * Beside each step the hand-over names people only; their phones are listed once under "People you may
 * need", which keeps a pack of hundreds of steps short.
 */

/** The pack of one member as a PDF, or null when the version has no such member. */
export async function renderMemberPack(
  snapshot: PlanSnapshot,
  memberId: string,
  stamp: PdfStamp,
): Promise<Buffer | null> {
  const pack = selectPack(snapshot, memberId)
  if (!pack) return null
  const members: Members = new Map(snapshot.members.map((m) => [m.id, m]))
  const qr = await checkQrCode(stamp.origin, stamp.fingerprint)
  const { member } = pack
  const title = `Recovery pack for ${member.name}`
  const w = new Writer(stamp, `recovery pack for ${member.name}`)

  // The first page: who and which version on the left, the QR code on the right.
  w.page()
  const qrSize = 80
  const top = w.y
  w.image(qr, PAGE.left + WIDTH - qrSize, top, qrSize)
  const width = WIDTH - qrSize - 12
  const at = { x: PAGE.left, width }
  w.para({ runs: stamp.schoolName, style: { ...st.muted, size: 10 } }, at)
  w.para({ runs: title, style: st.h1 }, at)
  const approved = stamp.status === 'APPROVED'
  w.para(
    {
      runs: [
        { text: `ICT service continuity recovery plan, version ${stamp.version}. ` },
        approved
          ? { text: `${approvalLine(stamp)}.`, color: colours.ok }
          : bold(`${approvalLine(stamp)}.`, { color: colours.warn }),
      ],
      style: st.para,
    },
    at,
  )
  w.para(
    {
      runs: [bold('Your roles: '), { text: member.roles.map((r) => r.name).join(', ') || 'none' }],
      style: st.para,
    },
    at,
  )
  w.para(
    {
      runs: `Check this copy is current: scan the code or visit ${checkBase(stamp.origin)}.`,
      style: st.small,
    },
    at,
  )
  w.doc.y = Math.max(w.y, top + qrSize) + 10

  w.para({ runs: 'Your steps, in recovery order', style: st.h2 })
  if (pack.steps.length === 0) {
    w.para({
      runs: 'You carry out no steps in this version. Keep this pack for the contacts below.',
      style: st.para,
    })
  }
  for (const items of groups(pack.steps)) group(w, items, members, memberId)

  w.page()
  w.space(10)
  w.para({ runs: 'People you may need', style: { ...st.h2, before: 0 } })
  if (pack.contacts.length === 0) {
    w.para({ runs: 'Nobody else is on the recovery team.', style: st.muted })
  } else {
    w.table(
      [{ width: 150 }, { flex: 1 }],
      [],
      pack.contacts.map(({ member: m, reasons }): Cell[] => {
        const reach: Cell = [
          {
            runs: `${[m.mobile, m.otherPhone].filter(Boolean).join(', ') || 'No phone'}${m.personalEmail ? ` · ${m.personalEmail}` : ''}`,
            style: st.body,
          },
        ]
        if (m.outOfHoursNotes) reach.push({ runs: m.outOfHoursNotes, style: st.small })
        if (m.fallbackContact) reach.push({ runs: `Fallback: ${m.fallbackContact}`, style: st.small })
        return [
          [
            { runs: [bold(m.name)], style: st.body },
            { runs: reasons.join('; '), style: st.small },
          ],
          reach,
        ]
      }),
    )
  }

  if (pack.suppliers.length > 0) {
    w.heading({ runs: 'Suppliers', style: { ...st.h2, before: 10 } }, w.lineOf(st.body))
    for (const sup of pack.suppliers) {
      w.para({
        runs: [
          bold(sup.name),
          { text: `${sup.contact ? `: ${sup.contact}` : ''}${sup.reason ? ` (${sup.reason})` : ''}` },
        ],
        style: st.para,
      })
    }
  }

  return w.finish(stamp, `${title}, plan version ${stamp.version} · ${stamp.schoolName}`, 0)
}
