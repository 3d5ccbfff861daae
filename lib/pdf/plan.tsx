/**
 * The full recovery plan of one published version as a PDF (issue 11, item 5): cover, contents, the
 * recovery order, a section per service, the assets' restore procedures, the contact sheet and the gaps.
 * Everything comes from the snapshot, so the paper copy says exactly what was approved.
 */
import { Document, Image, Link, Page, renderToBuffer, Text, View } from '@react-pdf/renderer'
import { strategyLabel } from '@/lib/contingency/schema'
import type {
  PlanSnapshot,
  SnapshotAsset,
  SnapshotMember,
  SnapshotService,
  SnapshotStep,
} from '@/lib/plan/snapshot'
import { checkQrCode, colours, Field, Footer, Header, s } from './kit'
import { approvalLine, checkBase, type PdfStamp, pdfDay, pdfMetadata } from './stamp'
import { criticalityWord, duration, estimateDetail, estimateSentence, everyWord, holdersText } from './words'

export type PlanPdfOptions = {
  /** Print the team's phones and personal details (plan.contacts); otherwise a note replaces them. */
  contacts: boolean
}

type Ctx = { members: ReadonlyMap<string, SnapshotMember>; contacts: boolean }

const col = {
  pos: { width: 26 },
  name: { flexGrow: 1, flexBasis: 0 },
  narrow: { width: 62 },
  estimate: { width: 100 },
  wide: { width: 110, paddingRight: 6 },
}

/**
 * One step as a single Text (number, instruction and time, then the role and who holds it): one node per
 * step instead of a row of boxes keeps a 10,000-step plan within the layout engine's budget.
 */
export function StepRow({ step, ctx, holders = true }: { step: SnapshotStep; ctx: Ctx; holders?: boolean }) {
  const nobody = step.holderIds.length === 0
  return (
    <Text style={stepStyle}>
      <Text style={s.bold}>{step.position}. </Text>
      {step.instruction} ({duration(step.minutes)}){'\n'}
      <Text style={nobody ? warnSmall : s.small}>
        {step.role ? step.role.name : 'No role'}
        {nobody
          ? ': NOBODY holds this role'
          : holders
            ? `: ${holdersText(step, ctx.members, ctx.contacts, HOLDERS_PER_STEP)}`
            : ''}
      </Text>
    </Text>
  )
}

/** Holders named beside a step; the rest are counted, and all are listed under "Who holds each role". */
const HOLDERS_PER_STEP = 4

const stepStyle = { marginBottom: 3, paddingLeft: 10 }
const warnSmall = { fontSize: 8, color: colours.warn, fontFamily: 'Helvetica-Bold' }

export function Steps({
  steps,
  ctx,
  holders = true,
}: {
  steps: SnapshotStep[]
  ctx: Ctx
  holders?: boolean
}) {
  if (steps.length === 0) return <Text style={s.muted}>No steps written down.</Text>
  return (
    <View>
      {steps.map((step) => (
        <StepRow key={step.id} step={step} ctx={ctx} holders={holders} />
      ))}
    </View>
  )
}

/**
 * Who holds each role, once, at the start of the services: restore steps print the role alone, because on
 * a trust's plan the same few names and phones repeated beside thousands of steps would double its length.
 */
function RoleHolders({ snapshot, ctx }: { snapshot: PlanSnapshot; ctx: Ctx }) {
  const roles = new Map<string, { name: string; holders: string[] }>()
  for (const m of snapshot.members) {
    for (const r of m.roles) {
      const entry = roles.get(r.id) ?? { name: r.name, holders: [] }
      entry.holders.push(ctx.contacts && m.mobile ? `${m.name} (${m.mobile})` : m.name)
      roles.set(r.id, entry)
    }
  }
  return (
    <View style={{ marginBottom: 10 }}>
      <Text style={s.h3}>Who holds each role</Text>
      {[...roles.values()].map((r) => (
        <Text key={r.name} style={s.small}>
          <Text style={s.bold}>{r.name}: </Text>
          {r.holders.join(', ')}
        </Text>
      ))}
    </View>
  )
}

function Cover({
  snapshot,
  stamp,
  qr,
  title,
}: {
  snapshot: PlanSnapshot
  stamp: PdfStamp
  qr: string
  title: string
}) {
  const approved = stamp.status === 'APPROVED'
  return (
    <View>
      <Text style={{ fontSize: 12, color: colours.muted, marginTop: 30 }}>{stamp.schoolName}</Text>
      <Text style={{ ...s.h1, fontSize: 26, marginTop: 6 }}>{title}</Text>
      <Text style={{ fontSize: 16, lineHeight: 1.2, marginBottom: 18 }}>Version {stamp.version}</Text>
      <Text
        style={
          approved
            ? { fontSize: 13, fontFamily: 'Helvetica-Bold', color: colours.ok }
            : { ...s.warnBox, fontSize: 13, fontFamily: 'Helvetica-Bold' }
        }
      >
        {approvalLine(stamp)}
      </Text>
      <View style={{ marginTop: 14 }}>
        <Field label="Published">
          {`${pdfDay(stamp.publishedAt, stamp.timeZone)} by ${stamp.publishedByName}`}
        </Field>
        <Field label="Plan taken">{pdfDay(new Date(snapshot.takenAt), stamp.timeZone)}</Field>
        <Field label="Services">{String(snapshot.services.length)}</Field>
      </View>
      <View style={{ flexDirection: 'row', marginTop: 24, alignItems: 'flex-start' }}>
        <Image src={qr} style={{ width: 120, height: 120 }} />
        <View style={{ marginLeft: 16, flexGrow: 1, flexBasis: 0 }}>
          <Text style={s.label}>FINGERPRINT</Text>
          <Text style={{ fontFamily: 'Courier', fontSize: 10, marginBottom: 10 }}>
            <Text style={{ fontFamily: 'Courier-Bold' }}>{groupFirst(stamp.fingerprint)}</Text>
            {groupRest(stamp.fingerprint)}
          </Text>
          <Text>
            Check this copy is current: scan the code or visit {checkBase(stamp.origin)} and type the
            fingerprint.
          </Text>
        </View>
      </View>
      {snapshot.gaps.length > 0 ? <Gaps snapshot={snapshot} compact /> : null}
    </View>
  )
}

/** The first 16 characters of the fingerprint, in fours, are what a reader compares first. */
function groupFirst(hex: string): string {
  return `${hex.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ')} `
}
function groupRest(hex: string): string {
  return hex.slice(16).replace(/(.{4})(?=.)/g, '$1 ')
}

function Gaps({ snapshot, compact = false }: { snapshot: PlanSnapshot; compact?: boolean }) {
  if (snapshot.gaps.length === 0) {
    return <Text>None: the plan has a continuity manager, a deputy and a plan for every vital service.</Text>
  }
  return (
    <View style={compact ? s.warnBox : undefined}>
      {compact ? (
        <Text style={s.bold}>
          This plan has {snapshot.gaps.length} gap{snapshot.gaps.length === 1 ? '' : 's'}, printed on it:
        </Text>
      ) : null}
      {(compact ? snapshot.gaps.slice(0, 8) : snapshot.gaps).map((gap) => (
        <Text key={`${gap.kind}-${gap.text}`} style={compact ? undefined : s.para}>
          - {gap.text}
        </Text>
      ))}
      {compact && snapshot.gaps.length > 8 ? (
        <Text>...and {snapshot.gaps.length - 8} more, listed in the section "Gaps".</Text>
      ) : null}
    </View>
  )
}

const SECTIONS = [
  ['order', '1. Recovery order'],
  ['services', '2. Services, in recovery order'],
  ['assets', '3. Restoring assets'],
  ['contacts', '4. Contact sheet'],
  ['gaps', '5. Gaps'],
] as const

function Contents({ snapshot }: { snapshot: PlanSnapshot }) {
  return (
    <View>
      <Text style={s.h2}>Contents</Text>
      {SECTIONS.map(([id, label]) => (
        <Link key={id} src={`#${id}`} style={{ color: colours.ink, textDecoration: 'none', marginBottom: 3 }}>
          {label}
        </Link>
      ))}
      <Text style={{ ...s.muted, marginTop: 8 }}>
        {snapshot.services.length} services, {snapshot.assets.length} assets to restore,{' '}
        {snapshot.members.length} people on the recovery team, {snapshot.gaps.length} gaps. Each service in
        the recovery order links to its section.
      </Text>
    </View>
  )
}

function OrderTable({ snapshot }: { snapshot: PlanSnapshot }) {
  return (
    <View>
      <Text id="order" style={s.h2}>
        1. Recovery order
      </Text>
      <Text style={s.para}>
        Services are recovered in this order: shortest recovery time objective (RTO) first, then the most
        critical. At risk means the estimate along the critical path is longer than the RTO.
      </Text>
      <View style={s.headRow}>
        <Text style={col.pos}>#</Text>
        <Text style={col.name}>Service</Text>
        <Text style={col.narrow}>Criticality</Text>
        <Text style={col.narrow}>RTO</Text>
        <Text style={col.estimate}>Estimate</Text>
        <Text style={col.narrow}>On time?</Text>
      </View>
      {snapshot.services.map((svc, i) => (
        <View key={svc.id} style={i % 2 ? s.band : s.row}>
          <Text style={col.pos}>{svc.position}</Text>
          <Link
            src={`#service-${svc.id}`}
            style={{ ...col.name, color: colours.ink, textDecoration: 'none' }}
          >
            {svc.name}
          </Link>
          <Text style={col.narrow}>{criticalityWord(svc.criticality)}</Text>
          <Text style={col.narrow}>{duration(svc.rtoMinutes)}</Text>
          <Text style={col.estimate}>{duration(svc.estimate.criticalMinutes)}</Text>
          <Text style={svc.estimate.atRisk ? { ...col.narrow, ...s.bold, color: colours.warn } : col.narrow}>
            {svc.estimate.atRisk ? 'AT RISK' : 'On time'}
          </Text>
        </View>
      ))}
    </View>
  )
}

function ServiceSection({ svc, total, ctx }: { svc: SnapshotService; total: number; ctx: Ctx }) {
  return (
    <View style={{ marginBottom: 14 }}>
      <Text id={`service-${svc.id}`} style={s.h2} minPresenceAhead={80}>
        {svc.position}. {svc.name}
        <Text style={{ ...s.muted, fontSize: 9, fontFamily: 'Helvetica' }}>
          {'  '}service {svc.position} of {total}
        </Text>
      </Text>
      <Field label="Criticality">{criticalityWord(svc.criticality)}</Field>
      <Field label="Why here">{svc.why}</Field>
      <Text style={svc.estimate.atRisk ? { ...s.para, ...s.bold, color: colours.warn } : s.para}>
        {estimateSentence(svc.estimate, svc.rtoMinutes)}
      </Text>
      <Text style={{ ...s.para, ...s.small }}>{estimateDetail(svc.estimate)}</Text>
      {svc.estimate.lateChain.length > 0 ? (
        <Field label="What makes it late">{svc.estimate.lateChain.join(' -> ')}</Field>
      ) : null}
      <Field label="Minimum service level">{svc.minServiceLevel}</Field>
      <Field label="Recovery point objective">{duration(svc.rpoMinutes)}</Field>
      {svc.assets.length > 0 ? (
        <Field label="Needs, in restore order">
          {svc.assets.map((a) => `${a.name}${a.required ? '' : ' (can do without)'}`).join(', ')}
        </Field>
      ) : null}
      {svc.plans.length === 0 ? (
        <Text style={{ ...s.para, ...s.bold, color: colours.warn }}>
          NO CONTINGENCY PLAN for this service.
        </Text>
      ) : (
        svc.plans.map((plan) => (
          <View key={plan.id}>
            <Text style={s.h3}>Contingency plan: {plan.name}</Text>
            <Field label="Strategy">{strategyLabel(plan.strategy)}</Field>
            <Field label="What it does">{plan.description}</Field>
            <Field label="Manual workaround">{plan.manualWorkaround}</Field>
            <Field label="Invoke when">{plan.invocationCriteria}</Field>
            {plan.standby ? (
              <Field label="Standby">
                {[plan.standby.supplier, plan.standby.contract && `contract ${plan.standby.contract}`]
                  .filter(Boolean)
                  .join(', ')}
                {plan.standby.contact ? `; call ${plan.standby.contact}` : ''}
                {plan.standby.howToInvoke ? `. ${plan.standby.howToInvoke}` : ''}
              </Field>
            ) : null}
            <Text style={{ ...s.label, marginTop: 4 }}>STEPS</Text>
            <Steps steps={plan.steps} ctx={ctx} />
          </View>
        ))
      )}
      {svc.suppliers.length > 0 ? (
        <View>
          <Text style={s.h3}>Suppliers to call</Text>
          {svc.suppliers.map((sup) => (
            <Text key={`${sup.name}-${sup.contact}-${sup.reason}`}>
              <Text style={s.bold}>{sup.name}</Text>
              {sup.contact ? `: ${sup.contact}` : ''}
              {sup.reason ? ` (${sup.reason})` : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {svc.backups.length > 0 ? (
        <View>
          <Text style={s.h3}>Backups</Text>
          {svc.backups.map((b) => (
            <Text key={b.id}>
              <Text style={s.bold}>{b.name}</Text> of {b.of}: {b.medium}, {b.location},{' '}
              {everyWord(b.frequencyMinutes)}
              {b.offline ? ', kept offline' : ''}.{' '}
              {b.lastRestoreTestAt
                ? `Last restore test passed ${pdfDay(new Date(b.lastRestoreTestAt), 'UTC')}.`
                : 'NEVER RESTORE-TESTED.'}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function AssetSection({ asset, ctx }: { asset: SnapshotAsset; ctx: Ctx }) {
  const details = [
    asset.type,
    asset.location,
    asset.supplier,
    asset.contractRef && `contract ${asset.contractRef}`,
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <View style={{ marginBottom: 8 }}>
      <Text style={s.h3} minPresenceAhead={40}>
        {asset.position}. {asset.name}
        <Text style={{ ...s.muted, fontSize: 8.5, fontFamily: 'Helvetica' }}>
          {'  '}restore within {duration(asset.deadlineMinutes)}
          {asset.inLoop ? ' · IN A DEPENDENCY LOOP' : ''}
        </Text>
      </Text>
      {details ? <Text style={{ ...s.small, ...s.muted }}>{details}</Text> : null}
      <Steps steps={asset.steps} ctx={ctx} holders={false} />
    </View>
  )
}

function ContactSheet({ snapshot, contacts }: { snapshot: PlanSnapshot; contacts: boolean }) {
  if (!contacts) {
    return (
      <Text style={s.warnBox}>
        This copy leaves out the recovery team's phone numbers and personal details: your role does not
        include them. The team members named beside each step hold the full contact sheet.
      </Text>
    )
  }
  return <Contacts members={snapshot.members} />
}

/** The contact sheet: one row per person with every way to reach them. */
export function Contacts({ members }: { members: SnapshotMember[] }) {
  if (members.length === 0) return <Text style={s.muted}>Nobody is on the recovery team.</Text>
  return (
    <View>
      <View style={s.headRow}>
        <Text style={col.wide}>Name</Text>
        <Text style={col.name}>Roles</Text>
        <Text style={col.wide}>Phones</Text>
        <Text style={col.name}>Other</Text>
      </View>
      {members.map((m, i) => (
        <View key={m.id} style={i % 2 ? s.band : s.row}>
          <View style={col.wide}>
            <Text style={s.bold}>{m.name}</Text>
            {m.jobTitle ? <Text style={s.small}>{m.jobTitle}</Text> : null}
          </View>
          <Text style={{ ...col.name, paddingRight: 6 }}>
            {m.roles.map((r) => r.name).join(', ') || 'No role'}
          </Text>
          <View style={col.wide}>
            <Text>{m.mobile || 'No mobile'}</Text>
            {m.otherPhone ? <Text>{m.otherPhone}</Text> : null}
          </View>
          <View style={col.name}>
            {m.personalEmail ? <Text>{m.personalEmail}</Text> : null}
            {m.outOfHoursNotes ? <Text style={s.small}>{m.outOfHoursNotes}</Text> : null}
            {m.fallbackContact ? <Text style={s.small}>Fallback: {m.fallbackContact}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}

/**
 * Lines of restore procedures per `<Page>` element (about three printed pages): the layout engine re-lays
 * out what is left of a page element at every page break, so one element holding 3,000 assets would be
 * quadratic; each element's last page may end short.
 */
const ASSET_LINES_PER_PAGE = 150

/** Assets in runs of about `lines` lines (a heading and details, then two lines a step). */
export function assetChunks(assets: SnapshotAsset[], lines = ASSET_LINES_PER_PAGE): SnapshotAsset[][] {
  const out: SnapshotAsset[][] = []
  let used = lines
  for (const asset of assets) {
    const weight = 3 + asset.steps.length * 2
    if (used + weight > lines && used > 0) {
      out.push([])
      used = 0
    }
    out.at(-1)!.push(asset)
    used += weight
  }
  return out
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
  const header = <Header left={`${title}, version ${stamp.version}`} right={stamp.schoolName} />
  const footer = <Footer stamp={stamp} />
  return renderToBuffer(
    <Document {...pdfMetadata(stamp, 'recovery plan')}>
      <Page size="A4" style={s.page}>
        {footer}
        <Cover snapshot={snapshot} stamp={stamp} qr={qr} title={title} />
      </Page>
      <Page size="A4" style={s.page}>
        {header}
        {footer}
        <Contents snapshot={snapshot} />
        <View style={{ marginTop: 16 }}>
          <OrderTable snapshot={snapshot} />
        </View>
      </Page>
      {snapshot.services.map((svc, i) => (
        // A page per service: each can be pulled out and handed over, and the layout engine paginates each
        // service alone (one page holding everything is re-laid out at every page break: quadratic).
        <Page key={svc.id} size="A4" style={s.page}>
          {header}
          {footer}
          {i === 0 ? (
            <View>
              <Text id="services" style={{ ...s.h1, fontSize: 16 }}>
                2. Services, in recovery order
              </Text>
              <RoleHolders snapshot={snapshot} ctx={ctx} />
            </View>
          ) : null}
          <ServiceSection svc={svc} total={snapshot.services.length} ctx={ctx} />
        </Page>
      ))}
      {assetChunks(snapshot.assets).map((assets, i) => (
        <Page key={assets[0]!.id} size="A4" style={s.page}>
          {header}
          {footer}
          {i === 0 ? (
            <View>
              <Text id="assets" style={{ ...s.h1, fontSize: 16 }}>
                3. Restoring assets
              </Text>
              <Text style={s.para}>
                Restore the assets in this order: each comes after everything it depends on. Each step names
                the role that carries it out; who holds each role is listed at the start of section 2.
              </Text>
            </View>
          ) : null}
          {assets.map((asset) => (
            <AssetSection key={asset.id} asset={asset} ctx={ctx} />
          ))}
        </Page>
      ))}
      <Page size="A4" style={s.page}>
        {header}
        {footer}
        <Text id="contacts" style={{ ...s.h1, fontSize: 16 }}>
          4. Contact sheet
        </Text>
        <ContactSheet snapshot={snapshot} contacts={options.contacts} />
        <Text id="gaps" style={{ ...s.h1, fontSize: 16, marginTop: 20 }}>
          5. Gaps
        </Text>
        <Gaps snapshot={snapshot} />
      </Page>
    </Document>,
  )
}
