import dagre from '@dagrejs/dagre'
import { type AssetEdge, assetClosure, type ServiceNeed } from '@/lib/catalogue/graph'

export type LayoutInput = {
  services: { id: string; name: string; criticality: number }[]
  assets: { id: string; name: string }[]
  needs: ServiceNeed[]
  edges: AssetEdge[]
  spofs: Set<string>
  /** Show only this service and everything it depends on. */
  focusServiceId?: string | null
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
export type Layout = { width: number; height: number; nodes: LaidNode[]; edges: LaidEdge[] }

// Average advance of a 13 px semibold system font; generous so that labels fit their boxes.
const CHAR_PX = 7.8
const NODE_H = 36
const MAX_W = 230
const MAX_CHARS = Math.floor((MAX_W - 24) / CHAR_PX)

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

/**
 * Lays out services and assets left to right with dagre (services on the left, what they need to the
 * right). Deterministic: inputs are sorted before they reach the layout.
 */
export function layoutDependencyGraph(input: LayoutInput): Layout {
  let services = input.services
  let assets = input.assets
  let needs = input.needs
  let edges = input.edges
  if (input.focusServiceId) {
    services = services.filter((s) => s.id === input.focusServiceId)
    const direct = needs.filter((n) => n.serviceId === input.focusServiceId)
    const keep = assetClosure(
      direct.map((n) => n.assetId),
      edges,
    )
    assets = assets.filter((a) => keep.has(a.id))
    needs = direct
    edges = edges.filter((e) => keep.has(e.assetId) && keep.has(e.dependsOnId))
  }
  const g = new dagre.graphlib.Graph({ multigraph: false })
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, marginx: 12, marginy: 12 })
  g.setDefaultEdgeLabel(() => ({}))
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const nodeIds = new Set<string>()
  for (const s of [...services].sort(byId)) {
    g.setNode(`s:${s.id}`, { width: nodeWidth(s.name), height: lines(s.name) * NODE_H })
    nodeIds.add(`s:${s.id}`)
  }
  for (const a of [...assets].sort(byId)) {
    g.setNode(`a:${a.id}`, { width: nodeWidth(a.name), height: lines(a.name) * NODE_H })
    nodeIds.add(`a:${a.id}`)
  }
  const laidEdges: { from: string; to: string; optional: boolean }[] = []
  for (const n of [...needs].sort((x, y) => (x.serviceId + x.assetId < y.serviceId + y.assetId ? -1 : 1))) {
    const from = `s:${n.serviceId}`
    const to = `a:${n.assetId}`
    if (!nodeIds.has(from) || !nodeIds.has(to)) continue
    g.setEdge(from, to)
    laidEdges.push({ from, to, optional: !n.required })
  }
  for (const e of [...edges].sort((x, y) =>
    x.assetId + x.dependsOnId < y.assetId + y.dependsOnId ? -1 : 1,
  )) {
    const from = `a:${e.assetId}`
    const to = `a:${e.dependsOnId}`
    if (!nodeIds.has(from) || !nodeIds.has(to)) continue
    g.setEdge(from, to)
    laidEdges.push({ from, to, optional: false })
  }
  dagre.layout(g)
  const graph = g.graph()
  const names = new Map<string, { label: string; kind: 'service' | 'asset'; criticality?: number }>([
    ...services.map(
      (s) => [`s:${s.id}`, { label: s.name, kind: 'service' as const, criticality: s.criticality }] as const,
    ),
    ...assets.map((a) => [`a:${a.id}`, { label: a.name, kind: 'asset' as const }] as const),
  ])
  const nodes: LaidNode[] = [...nodeIds].map((key) => {
    const n = g.node(key)
    const meta = names.get(key)!
    const id = key.slice(2)
    return {
      id,
      kind: meta.kind,
      label: meta.label,
      criticality: meta.criticality,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
      spof: meta.kind === 'asset' && input.spofs.has(id),
    }
  })
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes,
    edges: laidEdges.map((e) => ({
      from: e.from.slice(2),
      to: e.to.slice(2),
      optional: e.optional,
      points: (g.edge(e.from, e.to)?.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })),
    })),
  }
}

function lines(label: string): number {
  return labelLines(label).length
}
