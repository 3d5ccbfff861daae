/**
 * One team member's pack (issue 11, item 5): only their steps, in recovery order, with the hand-over on
 * either side, and the people and suppliers they need; the same stamp as the full plan so the check page
 * recognises it. What goes in is chosen by `pack.ts` (pure, tested).
 */
import { Document, Image, Page, renderToBuffer, Text, View } from '@react-pdf/renderer'
import type { PlanSnapshot, SnapshotMember, SnapshotStep } from '@/lib/plan/snapshot'
import { checkQrCode, colours, Footer, Header, s } from './kit'
import { type PackStep, selectPack } from './pack'
import { approvalLine, checkBase, type PdfStamp, pdfMetadata } from './stamp'
import { duration, holdersText } from './words'

type Members = ReadonlyMap<string, SnapshotMember>

function handOver(label: string, step: SnapshotStep | null, members: Members) {
  if (!step) return null
  return (
    <Text style={{ ...s.small, ...s.muted }}>
      {label}: step {step.position}, {step.role ? step.role.name : 'no role'} (
      {holdersText(step, members, false, 4)})
    </Text>
  )
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

function Group({ items, members, memberId }: { items: PackStep[]; members: Members; memberId: string }) {
  const first = items[0]!
  return (
    <View style={{ marginBottom: 8 }}>
      {/* The heading never ends a page: it stays with the first step. */}
      <View wrap={false}>
        <Text style={s.h3}>{first.procedure}</Text>
        {first.services.length > 0 ? (
          <Text style={{ ...s.small, ...s.muted }}>For: {first.services.join(', ')}</Text>
        ) : null}
        <PackStepView item={first} members={members} memberId={memberId} />
      </View>
      {items.slice(1).map((item) => (
        <PackStepView key={item.step.id} item={item} members={members} memberId={memberId} />
      ))}
    </View>
  )
}

function PackStepView({ item, members, memberId }: { item: PackStep; members: Members; memberId: string }) {
  return (
    <View style={{ marginTop: 3, paddingLeft: 10 }}>
      <Text>
        <Text style={s.bold}>Step {item.step.position}. </Text>
        {item.step.instruction} ({duration(item.step.minutes)})
      </Text>
      <Text style={s.small}>
        As {item.step.role ? item.step.role.name : 'no role'}
        {othersText(item.step, members, memberId)}
      </Text>
      {handOver('Before you', item.before, members)}
      {handOver('After you', item.after, members)}
    </View>
  )
}

/**
 * Groups per `<Page>` element, two or three printed pages each: the layout engine re-lays out what is left
 * of a page element at every page break, so one element holding a trust-sized pack would be quadratic;
 * each element's last page may end short.
 */
const STEPS_PER_PAGE = 30

function pages(list: PackStep[][]): PackStep[][][] {
  const out: PackStep[][][] = []
  let count = STEPS_PER_PAGE
  for (const group of list) {
    if (count + group.length > STEPS_PER_PAGE && count > 0) {
      out.push([])
      count = 0
    }
    out.at(-1)!.push(group)
    count += group.length
  }
  return out
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
  const header = <Header left={`${title}, plan version ${stamp.version}`} right={stamp.schoolName} />
  const footer = <Footer stamp={stamp} />
  const stepPages = pages(groups(pack.steps))
  return renderToBuffer(
    <Document {...pdfMetadata(stamp, `recovery pack for ${member.name}`)}>
      <Page size="A4" style={s.page}>
        {header}
        {footer}
        <View style={{ flexDirection: 'row', marginBottom: 10 }}>
          <View style={{ flexGrow: 1, flexBasis: 0, paddingRight: 12 }}>
            <Text style={{ ...s.muted, fontSize: 10 }}>{stamp.schoolName}</Text>
            <Text style={s.h1}>{title}</Text>
            <Text style={s.para}>
              ICT service continuity recovery plan, version {stamp.version}.{' '}
              <Text
                style={
                  stamp.status === 'APPROVED' ? { color: colours.ok } : { ...s.bold, color: colours.warn }
                }
              >
                {approvalLine(stamp)}.
              </Text>
            </Text>
            <Text style={s.para}>
              <Text style={s.bold}>Your roles: </Text>
              {member.roles.map((r) => r.name).join(', ') || 'none'}
            </Text>
            <Text style={s.small}>
              Check this copy is current: scan the code or visit {checkBase(stamp.origin)}.
            </Text>
          </View>
          <Image src={qr} style={{ width: 80, height: 80 }} />
        </View>

        <Text style={s.h2}>Your steps, in recovery order</Text>
        {pack.steps.length === 0 ? (
          <Text style={s.para}>
            You carry out no steps in this version. Keep this pack for the contacts below.
          </Text>
        ) : null}
        {(stepPages[0] ?? []).map((items) => (
          <Group key={items[0]!.step.id} items={items} members={members} memberId={memberId} />
        ))}
      </Page>
      {stepPages.slice(1).map((page) => (
        <Page key={page[0]![0]!.step.id} size="A4" style={s.page}>
          {header}
          {footer}
          {page.map((items) => (
            <Group key={items[0]!.step.id} items={items} members={members} memberId={memberId} />
          ))}
        </Page>
      ))}
      <Page size="A4" style={s.page}>
        {header}
        {footer}
        <Text style={{ ...s.h2, marginTop: 10 }} minPresenceAhead={60}>
          People you may need
        </Text>
        {pack.contacts.length === 0 ? (
          <Text style={s.muted}>Nobody else is on the recovery team.</Text>
        ) : null}
        {pack.contacts.map(({ member: m, reasons }, i) => (
          <View key={m.id} style={i % 2 ? s.band : s.row}>
            <View style={{ width: 150 }}>
              <Text style={s.bold}>{m.name}</Text>
              <Text style={s.small}>{reasons.join('; ')}</Text>
            </View>
            <View style={{ flexGrow: 1, flexBasis: 0 }}>
              <Text>
                {[m.mobile, m.otherPhone].filter(Boolean).join(', ') || 'No phone'}
                {m.personalEmail ? ` · ${m.personalEmail}` : ''}
              </Text>
              {m.outOfHoursNotes ? <Text style={s.small}>{m.outOfHoursNotes}</Text> : null}
              {m.fallbackContact ? <Text style={s.small}>Fallback: {m.fallbackContact}</Text> : null}
            </View>
          </View>
        ))}

        {pack.suppliers.length > 0 ? (
          <View>
            <Text style={{ ...s.h2, marginTop: 10 }} minPresenceAhead={40}>
              Suppliers
            </Text>
            {pack.suppliers.map((sup) => (
              <Text key={`${sup.name}-${sup.contact}-${sup.reason}`} style={s.para}>
                <Text style={s.bold}>{sup.name}</Text>
                {sup.contact ? `: ${sup.contact}` : ''}
                {sup.reason ? ` (${sup.reason})` : ''}
              </Text>
            ))}
          </View>
        ) : null}
      </Page>
    </Document>,
  )
}
