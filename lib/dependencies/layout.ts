import dagre from '@dagrejs/dagre'
import { type AssetEdge, assetClosure, type ServiceNeed } from '@/lib/catalogue/graph'

type ServiceBox = { id: string; name: string; criticality: number }
type AssetBox = { id: string; name: string }

export type LayoutInput = {
  services: ServiceBox[]
  assets: AssetBox[]
  needs: ServiceNeed[]
  edges: AssetEdge[]
  spofs: Set<string>
  /** Show only this service and everything it depends on. */
  focusServiceId?: string | null
  /** Draw every asset, also those no service needs (by default they are left out and counted). */
  everything?: boolean
}
export type LaidNode = {
  id: string
  kind: 'service' | 'asset'
  label: string
  x: number
  y: number
  width: number
  height: number
  spof: boolean
  criticality?: number
}
export type LaidEdge = { from: string; to: string; optional: boolean; points: { x: number; y: number }[] }
export type Layout = {
  width: number
  height: number
  nodes: LaidNode[]
  edges: LaidEdge[]
  /** Assets no service needs (directly or through other assets), left out of this picture. */
  hiddenAssets: number
}

// Average advance of a 13 px semibold system font; generous so that labels fit their boxes.
const CHAR_PX = 7.8
const NODE_H = 36
const MAX_W = 230
const MAX_CHARS = Math.floor((MAX_W - 24) / CHAR_PX)
const NODE_SEP = 14
const RANK_SEP = 70
const MARGIN = 12
// Gap between separately laid-out parts of the picture, and how wide a row of parts may grow.
const PART_GAP = 28
const ROW_WIDTH = 1200
// Above this many boxes in one connected part, dagre takes seconds; a simpler layered layout is used.
export const DAGRE_MAX_NODES = 300

/** A label as the lines it is drawn in: one, or two split at a space near the middle. Never shortened. */
export function labelLines(label: string): string[] {
  if (label.length <= MAX_CHARS) return [label]
  const cut = label.lastIndexOf(' ', Math.min(label.length - 1, Math.ceil(label.length / 2) + 6))
  const at = cut > 0 ? cut : MAX_CHARS
  return [label.slice(0, at).trim(), label.slice(at).trim()]
}

/** Node width from its longest line, so that names stay whole. */
export function nodeWidth(label: string): number {
  const longest = Math.max(...labelLines(label).map((l) => l.length))
  return Math.max(90, Math.ceil(longest * CHAR_PX) + 24)
}

export type PictureSelection = {
  services: ServiceBox[]
  assets: AssetBox[]
  needs: ServiceNeed[]
  edges: AssetEdge[]
  hiddenAssets: number
}

/**
 * What the picture draws. By default: every service and the assets services need, directly or through
 * other assets; an asset nothing needs is left out and counted (a register of 1,500 imported laptops
 * would otherwise bury the services). With `focusServiceId`: that service and what it needs. With
 * `everything`: every service and asset.
 */
export function selectForPicture(input: LayoutInput): PictureSelection {
  const { services, assets, needs, edges } = input
  if (input.focusServiceId) {
    const direct = needs.filter((n) => n.serviceId === input.focusServiceId)
    const keep = assetClosure(
      direct.map((n) => n.assetId),
      edges,
    )
    return {
      services: services.filter((s) => s.id === input.focusServiceId),
      assets: assets.filter((a) => keep.has(a.id)),
      needs: direct,
      edges: edges.filter((e) => keep.has(e.assetId) && keep.has(e.dependsOnId)),
      hiddenAssets: 0,
    }
  }
  if (input.everything) return { services, assets, needs, edges, hiddenAssets: 0 }
  const serviceIds = new Set(services.map((s) => s.id))
  const keep = assetClosure(
    needs.filter((n) => serviceIds.has(n.serviceId)).map((n) => n.assetId),
    edges,
  )
  const drawn = assets.filter((a) => keep.has(a.id))
  return {
    services,
    assets: drawn,
    needs,
    edges: edges.filter((e) => keep.has(e.assetId) && keep.has(e.dependsOnId)),
    hiddenAssets: assets.length - drawn.length,
  }
}

type Box = { key: string; width: number; height: number }
type Placed = { x: number; y: number }
type PartLayout = {
  width: number
  height: number
  pos: Map<string, Placed>
  points: Map<string, Placed[]>
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

// The parts of the picture that no line joins, each a list of box keys (union-find).
function connectedParts(keys: string[], links: [string, string][]): string[][] {
  const parent = new Map(keys.map((k) => [k, k]))
  const root = (k: string): string => {
    let r = k
    while (parent.get(r) !== r) r = parent.get(r)!
    while (parent.get(k) !== r) {
      const next = parent.get(k)!
      parent.set(k, r)
      k = next
    }
    return r
  }
  for (const [a, b] of links) parent.set(root(a), root(b))
  const parts = new Map<string, string[]>()
  for (const k of keys) {
    const r = root(k)
    const list = parts.get(r)
    if (list) list.push(k)
    else parts.set(r, [k])
  }
  return [...parts.values()]
}

function dagrePart(boxes: Box[], links: [string, string][]): PartLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false })
  g.setGraph({ rankdir: 'LR', nodesep: NODE_SEP, ranksep: RANK_SEP, marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const b of boxes) g.setNode(b.key, { width: b.width, height: b.height })
  for (const [from, to] of links) g.setEdge(from, to)
  // The "optimal order" pass repeats the crossing reduction; the plain pass reads as well here.
  dagre.layout(g, { disableOptimalOrderHeuristic: true })
  const pos = new Map<string, Placed>()
  for (const b of boxes) {
    const n = g.node(b.key)
    pos.set(b.key, { x: n.x, y: n.y })
  }
  const points = new Map<string, Placed[]>()
  for (const [from, to] of links)
    points.set(
      `${from}>${to}`,
      (g.edge(from, to)?.points ?? []).map((p: Placed) => ({ x: p.x, y: p.y })),
    )
  const graph = g.graph()
  return { width: graph.width ?? 0, height: graph.height ?? 0, pos, points }
}

/*
 * A layered layout in linear time, for a tree and for a large connected part (hundreds of services on
 * one network switch): each box in the column of its longest path from a service, boxes in a column ordered by
 * where the boxes pointing at them sit, and placed as near their level as the boxes above allow.
 */
function layeredPart(boxes: Box[], links: [string, string][]): PartLayout {
  const preds = new Map<string, string[]>(boxes.map((b) => [b.key, []]))
  const succs = new Map<string, string[]>(boxes.map((b) => [b.key, []]))
  for (const [from, to] of links) {
    preds.get(to)!.push(from)
    succs.get(from)!.push(to)
  }
  // Longest-path columns by Kahn's order (the graph is acyclic: cycles are refused when links are made).
  const rank = new Map<string, number>()
  const waiting = new Map(boxes.map((b) => [b.key, preds.get(b.key)!.length]))
  const queue = boxes.filter((b) => waiting.get(b.key) === 0).map((b) => b.key)
  for (const k of queue) rank.set(k, 0)
  for (let i = 0; i < queue.length; i++) {
    const k = queue[i]!
    for (const s of succs.get(k)!) {
      rank.set(s, Math.max(rank.get(s) ?? 0, rank.get(k)! + 1))
      const left = waiting.get(s)! - 1
      waiting.set(s, left)
      if (left === 0) queue.push(s)
    }
  }
  const columns: Box[][] = []
  for (const b of boxes) {
    const r = rank.get(b.key) ?? 0
    if (columns[r]) columns[r].push(b)
    else columns[r] = [b]
  }
  const pos = new Map<string, Placed>()
  let x = 0
  let height = 0
  for (const column of columns) {
    if (!column) continue
    const wanted = (k: string) => {
      const ys = preds.get(k)!.map((p) => pos.get(p)?.y ?? 0)
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0
    }
    const order = column
      .map((b, i) => ({ b, want: wanted(b.key), i }))
      .sort((p, q) => p.want - q.want || p.i - q.i)
    const colWidth = Math.max(...column.map((b) => b.width))
    let bottom = -NODE_SEP
    for (const { b, want } of order) {
      const y = Math.max(want, bottom + NODE_SEP + b.height / 2)
      pos.set(b.key, { x: x + colWidth / 2, y })
      bottom = y + b.height / 2
    }
    height = Math.max(height, bottom)
    x += colWidth + RANK_SEP
  }
  const size = new Map(boxes.map((b) => [b.key, b]))
  const points = new Map<string, Placed[]>()
  for (const [from, to] of links) {
    const a = pos.get(from)!
    const b = pos.get(to)!
    points.set(`${from}>${to}`, [
      { x: a.x + size.get(from)!.width / 2, y: a.y },
      { x: b.x - size.get(to)!.width / 2, y: b.y },
    ])
  }
  return { width: x - RANK_SEP, height, pos, points }
}

/*
 * A part where nothing has two boxes pointing at it (a service and the chain of assets under it, or one
 * box alone) is a tree: the layered layout draws it exactly as dagre would, with no crossings, and
 * dagre's fixed cost (milliseconds a call) would add up over hundreds of such parts.
 */
function isTree(links: [string, string][]): boolean {
  const pointedAt = new Set<string>()
  for (const [, to] of links) {
    if (pointedAt.has(to)) return false
    pointedAt.add(to)
  }
  return true
}

const cache = new Map<string, Layout>()
const CACHE_SIZE = 16
/** For measuring: forget every cached layout. */
export function clearLayoutCache() {
  cache.clear()
}

/**
 * Lays out the picture left to right (services on the left, what they need to the right). Each part
 * that no line joins to the rest is laid out on its own (dagre's cost grows much faster than the number
 * of boxes) and the parts are packed in rows, those with the most critical services first. Deterministic:
 * the same catalogue gives the same picture, so the layout is kept for the next request until the
 * catalogue (or what is drawn) changes.
 */
export function layoutDependencyGraph(input: LayoutInput): Layout {
  const sel = selectForPicture(input)
  const svc = [...sel.services].sort((a, b) => byString(a.id, b.id))
  const ast = [...sel.assets].sort((a, b) => byString(a.id, b.id))
  const spofs = ast.filter((a) => input.spofs.has(a.id)).map((a) => a.id)
  const key = JSON.stringify([
    svc.map((s) => [s.id, s.name, s.criticality]),
    ast.map((a) => [a.id, a.name]),
    sel.needs.map((n) => [n.serviceId, n.assetId, n.required]),
    sel.edges.map((e) => [e.assetId, e.dependsOnId]),
    spofs,
    sel.hiddenAssets,
  ])
  const hit = cache.get(key)
  if (hit) return hit
  const layout = computeLayout(svc, ast, sel, new Set(spofs))
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
  cache.set(key, layout)
  return layout
}

function computeLayout(
  services: ServiceBox[],
  assets: AssetBox[],
  sel: PictureSelection,
  spofs: Set<string>,
): Layout {
  type Meta = { label: string; kind: 'service' | 'asset'; criticality?: number; box: Box }
  const meta = new Map<string, Meta>()
  const box = (key: string, label: string): Box => ({
    key,
    width: nodeWidth(label),
    height: labelLines(label).length * NODE_H,
  })
  for (const s of services)
    meta.set(`s:${s.id}`, {
      label: s.name,
      kind: 'service',
      criticality: s.criticality,
      box: box(`s:${s.id}`, s.name),
    })
  for (const a of assets)
    meta.set(`a:${a.id}`, { label: a.name, kind: 'asset', box: box(`a:${a.id}`, a.name) })

  const links: { from: string; to: string; optional: boolean }[] = []
  const seen = new Set<string>()
  const link = (from: string, to: string, optional: boolean) => {
    if (!meta.has(from) || !meta.has(to) || seen.has(`${from}>${to}`)) return
    seen.add(`${from}>${to}`)
    links.push({ from, to, optional })
  }
  for (const n of [...sel.needs].sort((x, y) => byString(x.serviceId + x.assetId, y.serviceId + y.assetId)))
    link(`s:${n.serviceId}`, `a:${n.assetId}`, !n.required)
  for (const e of [...sel.edges].sort((x, y) =>
    byString(x.assetId + x.dependsOnId, y.assetId + y.dependsOnId),
  ))
    link(`a:${e.assetId}`, `a:${e.dependsOnId}`, false)

  const pairs = links.map((l) => [l.from, l.to] as [string, string])
  const parts = connectedParts([...meta.keys()], pairs)
  // Parts with the most critical service first, then by the first name in them, so the picture reads
  // like the list below it; parts of assets alone (shown with "everything") come last, by name.
  const rankOf = (part: string[]) => {
    const ms = part.map((k) => meta.get(k)!)
    const critical = Math.min(...ms.map((m) => m.criticality ?? 99))
    const first = ms
      .filter((m) => critical === 99 || m.criticality === critical)
      .map((m) => m.label.toLowerCase())
      .sort(byString)[0]!
    return { critical, first, part }
  }
  const ordered = parts
    .map(rankOf)
    .sort((p, q) => p.critical - q.critical || byString(p.first, q.first) || byString(p.part[0]!, q.part[0]!))

  const linksOf = new Map<string, [string, string][]>()
  const partOf = new Map<string, number>()
  ordered.forEach((p, i) => {
    for (const k of p.part) partOf.set(k, i)
  })
  for (const pr of pairs) {
    const i = String(partOf.get(pr[0]))
    const list = linksOf.get(i)
    if (list) list.push(pr)
    else linksOf.set(i, [pr])
  }

  const nodes: LaidNode[] = []
  const points = new Map<string, Placed[]>()
  let rowX = 0
  let rowY = 0
  let rowH = 0
  let width = 0
  ordered.forEach(({ part }, i) => {
    const boxes = part.map((k) => meta.get(k)!.box).sort((a, b) => byString(a.key, b.key))
    const partLinks = linksOf.get(String(i)) ?? []
    const laid =
      boxes.length > DAGRE_MAX_NODES || isTree(partLinks)
        ? layeredPart(boxes, partLinks)
        : dagrePart(boxes, partLinks)
    if (rowX > 0 && rowX + laid.width > ROW_WIDTH) {
      rowY += rowH + PART_GAP
      rowX = 0
      rowH = 0
    }
    const dx = MARGIN + rowX
    const dy = MARGIN + rowY
    for (const b of boxes) {
      const m = meta.get(b.key)!
      const p = laid.pos.get(b.key)!
      const id = b.key.slice(2)
      nodes.push({
        id,
        kind: m.kind,
        label: m.label,
        criticality: m.criticality,
        x: p.x + dx,
        y: p.y + dy,
        width: b.width,
        height: b.height,
        spof: m.kind === 'asset' && spofs.has(id),
      })
    }
    for (const [k, ps] of laid.points)
      points.set(
        k,
        ps.map((p) => ({ x: p.x + dx, y: p.y + dy })),
      )
    rowX += laid.width + PART_GAP
    rowH = Math.max(rowH, laid.height)
    width = Math.max(width, rowX - PART_GAP)
  })
  return {
    width: Math.ceil(width + 2 * MARGIN),
    height: Math.ceil(rowY + rowH + 2 * MARGIN),
    nodes,
    edges: links.map((l) => ({
      from: l.from.slice(2),
      to: l.to.slice(2),
      optional: l.optional,
      points: points.get(`${l.from}>${l.to}`) ?? [],
    })),
    hiddenAssets: sel.hiddenAssets,
  }
}
