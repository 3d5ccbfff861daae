import { describe, expect, it } from 'vitest'
import { DAGRE_MAX_NODES, labelLines, layoutDependencyGraph, nodeWidth, selectForPicture } from './layout'

const services = [
  { id: 's1', name: 'Internet', criticality: 2 },
  { id: 's2', name: 'Printing', criticality: 3 },
]
const assets = [
  { id: 'lan', name: 'LAN' },
  { id: 'wan', name: 'WAN link' },
  { id: 'isp', name: 'ISP' },
  { id: 'printer', name: 'Printer' },
]
const needs = [
  { serviceId: 's1', assetId: 'lan', required: true },
  { serviceId: 's1', assetId: 'wan', required: true },
  { serviceId: 's2', assetId: 'printer', required: false },
]
const edges = [{ assetId: 'wan', dependsOnId: 'isp' }]

describe('dependency graph layout', () => {
  it('places services left of what they need, and assets left of what they depend on', () => {
    const l = layoutDependencyGraph({ services, assets, needs, edges, spofs: new Set(['isp']) })
    const x = (id: string) => l.nodes.find((n) => n.id === id)!.x
    expect(l.nodes).toHaveLength(6)
    expect(x('s1')).toBeLessThan(x('wan'))
    expect(x('wan')).toBeLessThan(x('isp'))
    expect(l.nodes.find((n) => n.id === 'isp')!.spof).toBe(true)
    expect(l.nodes.find((n) => n.id === 'lan')!.spof).toBe(false)
    expect(l.edges.find((e) => e.to === 'printer')!.optional).toBe(true)
    expect(l.width).toBeGreaterThan(0)
    for (const e of l.edges) expect(e.points.length).toBeGreaterThanOrEqual(2)
  })

  it('filters to one service and what it depends on', () => {
    const l = layoutDependencyGraph({
      services,
      assets,
      needs,
      edges,
      spofs: new Set(),
      focusServiceId: 's1',
    })
    expect(l.nodes.map((n) => n.id).sort()).toEqual(['isp', 'lan', 's1', 'wan'])
    expect(l.edges).toHaveLength(3)
  })

  it('is the same every time for the same data', () => {
    const a = layoutDependencyGraph({ services, assets, needs, edges, spofs: new Set() })
    const b = layoutDependencyGraph({
      services: [...services].reverse(),
      assets: [...assets].reverse(),
      needs,
      edges,
      spofs: new Set(),
    })
    expect(b).toEqual(a)
  })

  it('lays out 70 nodes without overlaps', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: `a${String(i).padStart(2, '0')}`,
      name: `Asset number ${i}`,
    }))
    const svc = Array.from({ length: 10 }, (_, i) => ({
      id: `s${i}`,
      name: `Service ${i}`,
      criticality: (i % 4) + 1,
    }))
    const n = many.map((a, i) => ({ serviceId: `s${i % 10}`, assetId: a.id, required: true }))
    const e = many.slice(1).map((a, i) => ({ assetId: a.id, dependsOnId: many[Math.floor(i / 3)]!.id }))
    const l = layoutDependencyGraph({ services: svc, assets: many, needs: n, edges: e, spofs: new Set() })
    expect(l.nodes).toHaveLength(70)
    for (const p of l.nodes)
      for (const q of l.nodes)
        if (p !== q) {
          const apart =
            Math.abs(p.x - q.x) >= (p.width + q.width) / 2 || Math.abs(p.y - q.y) >= (p.height + q.height) / 2
          expect(apart).toBe(true)
        }
    expect(nodeWidth('Safeguarding recording system')).toBeGreaterThanOrEqual(
      Math.ceil('recording system'.length * 7.8),
    )
    expect(labelLines('Safeguarding recording system')).toEqual(['Safeguarding', 'recording system'])
    expect(labelLines('Internet')).toEqual(['Internet'])
  })
})

describe('what the picture draws', () => {
  const more = {
    services,
    assets: [...assets, { id: 'spare', name: 'Spare laptop' }, { id: 'charger', name: 'Charger' }],
    needs,
    // An unneeded asset that depends on a needed one stays hidden: nothing needs it.
    edges: [
      ...edges,
      { assetId: 'spare', dependsOnId: 'charger' },
      { assetId: 'charger', dependsOnId: 'lan' },
    ],
    spofs: new Set<string>(),
  }

  it('by default: services and the assets they need, directly or through other assets', () => {
    const sel = selectForPicture(more)
    expect(sel.services.map((s) => s.id)).toEqual(['s1', 's2'])
    expect(sel.assets.map((a) => a.id).sort()).toEqual(['isp', 'lan', 'printer', 'wan'])
    expect(sel.edges).toEqual([{ assetId: 'wan', dependsOnId: 'isp' }])
    expect(sel.hiddenAssets).toBe(2)
    const l = layoutDependencyGraph(more)
    expect(l.nodes.map((n) => n.id).sort()).toEqual(['isp', 'lan', 'printer', 's1', 's2', 'wan'])
    expect(l.hiddenAssets).toBe(2)
  })

  it('with "everything": every asset, nothing hidden', () => {
    const l = layoutDependencyGraph({ ...more, everything: true })
    expect(l.nodes).toHaveLength(8)
    expect(l.edges).toHaveLength(6)
    expect(l.hiddenAssets).toBe(0)
  })

  it('one service wins over "everything"', () => {
    const sel = selectForPicture({ ...more, everything: true, focusServiceId: 's2' })
    expect(sel.assets.map((a) => a.id)).toEqual(['printer'])
    expect(sel.hiddenAssets).toBe(0)
  })

  it('keeps separate parts apart and lays out a large part quickly without overlaps', () => {
    // 400 services all needing one switch through their own device: one part too large for dagre.
    const n = DAGRE_MAX_NODES + 100
    const svc = Array.from({ length: n }, (_, i) => ({
      id: `s${String(i).padStart(4, '0')}`,
      name: `Service ${i}`,
      criticality: 2,
    }))
    const devices = svc.map((s) => ({ id: `d${s.id}`, name: `Device for ${s.name}` }))
    const input = {
      services: svc,
      assets: [...devices, { id: 'core', name: 'Core switch' }, { id: 'alone', name: 'Unlinked' }],
      needs: svc.map((s) => ({ serviceId: s.id, assetId: `d${s.id}`, required: true })),
      edges: devices.map((d) => ({ assetId: d.id, dependsOnId: 'core' })),
      spofs: new Set(['core']),
      everything: true,
    }
    const t = performance.now()
    const l = layoutDependencyGraph(input)
    expect(performance.now() - t).toBeLessThan(1000)
    expect(l.nodes).toHaveLength(2 * n + 2)
    const x = (id: string) => l.nodes.find((q) => q.id === id)!.x
    expect(x('s0000')).toBeLessThan(x('ds0000'))
    expect(x('ds0000')).toBeLessThan(x('core'))
    let overlaps = 0
    for (const p of l.nodes)
      for (const q of l.nodes)
        if (
          p !== q &&
          Math.abs(p.x - q.x) < (p.width + q.width) / 2 &&
          Math.abs(p.y - q.y) < (p.height + q.height) / 2
        )
          overlaps++
    expect(overlaps).toBe(0)
    for (const node of l.nodes) {
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0)
      expect(node.y + node.height / 2).toBeLessThanOrEqual(l.height)
      expect(node.x + node.width / 2).toBeLessThanOrEqual(l.width)
    }
  })
})
