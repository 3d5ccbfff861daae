import { describe, expect, it } from 'vitest'
import {
  type AssetEdge,
  type AssetNode,
  assetClosure,
  DependencyCycleError,
  describeCycle,
  findCycle,
  hasCycle,
  type ServiceNeed,
  type ServiceNode,
  serviceDependencies,
  servicesAffectedBy,
  singlePointsOfFailure,
  topologicalOrder,
} from './graph'

// Terse builders keep each test's graph readable at a glance: 'A>B' means A depends on B.
function edges(...pairs: string[]): AssetEdge[] {
  return pairs.map((p) => {
    const [assetId, dependsOnId] = p.split('>')
    return { assetId: assetId!, dependsOnId: dependsOnId! }
  })
}

function need(serviceId: string, assetId: string, required = true): ServiceNeed {
  return { serviceId, assetId, required }
}

function service(id: string, criticality: number, name = id): ServiceNode {
  return { id, name, criticality, rtoMinutes: 60 }
}

function asset(id: string, hasStandby = false, name = id): AssetNode {
  return { id, name, hasStandby }
}

describe('findCycle', () => {
  it('refuses an asset depending on itself', () => {
    expect(findCycle([], 'A', 'A')).toEqual(['A', 'A'])
  })

  it('refuses closing a two-asset loop', () => {
    expect(findCycle(edges('B>A'), 'A', 'B')).toEqual(['A', 'B', 'A'])
  })

  it('names the whole loop in dependency direction', () => {
    expect(findCycle(edges('B>C', 'C>A'), 'A', 'B')).toEqual(['A', 'B', 'C', 'A'])
  })

  it('names a long loop through many assets', () => {
    const chain = edges('B>C', 'C>D', 'D>E', 'E>F', 'F>G', 'G>A', 'X>Y')
    expect(findCycle(chain, 'A', 'B')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'A'])
  })

  it('reports the shortest loop when there are several', () => {
    const graph = edges('B>C', 'C>D', 'D>A', 'B>E', 'E>A')
    expect(findCycle(graph, 'A', 'B')).toEqual(['A', 'B', 'E', 'A'])
  })

  it('breaks ties between equally short loops by id, whatever the input order', () => {
    const graph = edges('B>Z', 'Z>A', 'B>M', 'M>A')
    expect(findCycle(graph, 'A', 'B')).toEqual(['A', 'B', 'M', 'A'])
    expect(findCycle([...graph].reverse(), 'A', 'B')).toEqual(['A', 'B', 'M', 'A'])
  })

  it('allows a diamond, which shares dependencies without looping', () => {
    // A needs B and C, both of which need D: adding A>D again or D>E is fine.
    const diamond = edges('A>B', 'A>C', 'B>D', 'C>D')
    expect(findCycle(diamond, 'A', 'D')).toBeNull()
    expect(findCycle(diamond, 'D', 'E')).toBeNull()
    expect(findCycle(diamond, 'C', 'B')).toBeNull()
  })

  it('allows an edge in the same direction as an existing chain', () => {
    expect(findCycle(edges('A>B', 'B>C'), 'A', 'C')).toBeNull()
  })

  it('refuses reversing an existing chain', () => {
    expect(findCycle(edges('A>B', 'B>C'), 'C', 'A')).toEqual(['C', 'A', 'B', 'C'])
  })

  it('allows an edge on an empty graph', () => {
    expect(findCycle([], 'A', 'B')).toBeNull()
  })
})

describe('describeCycle', () => {
  it('uses names for the loop', () => {
    const names = new Map([
      ['i', 'Internet'],
      ['l', 'LAN'],
    ])
    expect(describeCycle(['i', 'l', 'i'], names)).toBe('Internet → LAN → Internet')
  })

  it('falls back to the id when a name is missing', () => {
    expect(describeCycle(['i', 'x', 'i'], new Map([['i', 'Internet']]))).toBe('Internet → x → Internet')
  })
})

describe('assetClosure', () => {
  it('includes the starts and everything below them, through three levels', () => {
    const graph = edges('A>B', 'B>C', 'C>D', 'X>A')
    expect([...assetClosure(['A'], graph)].sort()).toEqual(['A', 'B', 'C', 'D'])
  })

  it('includes a start that has no links at all', () => {
    expect([...assetClosure(['lonely'], edges('A>B'))]).toEqual(['lonely'])
  })

  it('counts each asset of a diamond once and copes with loops', () => {
    expect([...assetClosure(['A'], edges('A>B', 'A>C', 'B>D', 'C>D'))].sort()).toEqual(['A', 'B', 'C', 'D'])
    expect([...assetClosure(['A'], edges('A>B', 'B>A'))].sort()).toEqual(['A', 'B'])
  })

  it('merges several starts', () => {
    expect([...assetClosure(['A', 'X'], edges('A>B', 'X>Y', 'Q>R'))].sort()).toEqual(['A', 'B', 'X', 'Y'])
  })
})

describe('serviceDependencies', () => {
  it('follows dependencies through three levels with the path that leads there', () => {
    // MIS needs its server, which needs the LAN, which needs the core switch, which needs power.
    const graph = edges('server>lan', 'lan>core', 'core>power')
    expect(serviceDependencies('mis', [need('mis', 'server')], graph)).toEqual([
      { assetId: 'server', direct: true, required: true, via: [] },
      { assetId: 'lan', direct: false, required: true, via: ['server'] },
      { assetId: 'core', direct: false, required: true, via: ['server', 'lan'] },
      { assetId: 'power', direct: false, required: true, via: ['server', 'lan', 'core'] },
    ])
  })

  it('ignores other services needs', () => {
    const result = serviceDependencies('mis', [need('mis', 'A'), need('email', 'B')], [])
    expect(result.map((d) => d.assetId)).toEqual(['A'])
  })

  it('makes everything under an optional need optional', () => {
    const graph = edges('printer>lan', 'lan>core')
    expect(serviceDependencies('mis', [need('mis', 'printer', false)], graph)).toEqual([
      { assetId: 'printer', direct: true, required: false, via: [] },
      { assetId: 'lan', direct: false, required: false, via: ['printer'] },
      { assetId: 'core', direct: false, required: false, via: ['printer', 'lan'] },
    ])
  })

  it('keeps an asset required when a required need also reaches it, showing the required chain', () => {
    // The optional printer reaches the LAN in one step; the required server takes two, but is why it matters.
    const graph = edges('printer>lan', 'server>switch', 'switch>lan')
    const result = serviceDependencies('mis', [need('mis', 'printer', false), need('mis', 'server')], graph)
    expect(result).toEqual([
      { assetId: 'printer', direct: true, required: false, via: [] },
      { assetId: 'server', direct: true, required: true, via: [] },
      { assetId: 'switch', direct: false, required: true, via: ['server'] },
      { assetId: 'lan', direct: false, required: true, via: ['server', 'switch'] },
    ])
  })

  it('marks a direct optional need required when a required chain also reaches it', () => {
    const result = serviceDependencies(
      'mis',
      [need('mis', 'lan', false), need('mis', 'server')],
      edges('server>lan'),
    )
    expect(result).toContainEqual({ assetId: 'lan', direct: true, required: true, via: [] })
  })

  it('treats a need recorded twice as required if either record is', () => {
    const result = serviceDependencies('mis', [need('mis', 'A', false), need('mis', 'A', true)], edges('A>B'))
    expect(result).toEqual([
      { assetId: 'A', direct: true, required: true, via: [] },
      { assetId: 'B', direct: false, required: true, via: ['A'] },
    ])
  })

  it('uses the shortest path through a diamond and lists the shared asset once', () => {
    const graph = edges('A>B', 'A>C', 'B>D', 'C>D', 'A>E', 'E>F', 'F>D')
    const result = serviceDependencies('s', [need('s', 'A')], graph)
    expect(result.filter((d) => d.assetId === 'D')).toEqual([
      { assetId: 'D', direct: false, required: true, via: ['A', 'B'] },
    ])
    expect(result.map((d) => d.assetId)).toEqual(['A', 'B', 'C', 'E', 'D', 'F'])
  })

  it('returns nothing for a service with no needs', () => {
    expect(serviceDependencies('s', [], edges('A>B'))).toEqual([])
  })
})

describe('servicesAffectedBy', () => {
  const graph = edges('server>lan', 'lan>core', 'printer>lan', 'wifi>core')
  const needs = [
    need('mis', 'server'),
    need('printing', 'printer'),
    need('mis', 'printer', false),
    need('lessons', 'wifi', false),
    need('phones', 'core'),
    need('cctv', 'camera'),
  ]

  it('finds every service above a failed asset, however far up', () => {
    expect(servicesAffectedBy('core', needs, graph)).toEqual([
      { serviceId: 'phones', direct: true, required: true },
      { serviceId: 'mis', direct: false, required: true },
      { serviceId: 'printing', direct: false, required: true },
      { serviceId: 'lessons', direct: false, required: false },
    ])
  })

  it('only counts services whose chains pass through the asset', () => {
    expect(servicesAffectedBy('printer', needs, graph)).toEqual([
      { serviceId: 'printing', direct: true, required: true },
      { serviceId: 'mis', direct: true, required: false },
    ])
  })

  it('is the reverse of serviceDependencies', () => {
    for (const assetId of ['server', 'lan', 'core', 'printer', 'wifi', 'camera']) {
      for (const hit of servicesAffectedBy(assetId, needs, graph)) {
        const dep = serviceDependencies(hit.serviceId, needs, graph).find((d) => d.assetId === assetId)
        expect(dep, `${hit.serviceId} should depend on ${assetId}`).toBeDefined()
        expect(dep!.direct).toBe(hit.direct)
        expect(dep!.required).toBe(hit.required)
      }
    }
    expect(servicesAffectedBy('lan', needs, graph).map((s) => s.serviceId)).toEqual(['mis', 'printing'])
  })

  it('returns nothing for an asset nobody needs', () => {
    expect(servicesAffectedBy('spare', needs, graph)).toEqual([])
  })
})

describe('singlePointsOfFailure', () => {
  it('flags an asset without standby that a criticality 1 or 2 service requires', () => {
    const services = [service('safeguarding', 1), service('mis', 2)]
    const assets = [asset('server'), asset('nas')]
    const needs = [need('safeguarding', 'server'), need('mis', 'nas')]
    expect(singlePointsOfFailure(services, assets, needs, [])).toEqual([
      { assetId: 'nas', serviceIds: ['mis'] },
      { assetId: 'server', serviceIds: ['safeguarding'] },
    ])
  })

  it('ignores services of criticality 3 and 4', () => {
    const services = [service('library', 3), service('displays', 4)]
    const needs = [need('library', 'server'), need('displays', 'server')]
    expect(singlePointsOfFailure(services, [asset('server')], needs, [])).toEqual([])
  })

  it('stops flagging an asset once it has a standby', () => {
    const services = [service('mis', 1)]
    const needs = [need('mis', 'server')]
    expect(singlePointsOfFailure(services, [asset('server', false)], needs, [])).toHaveLength(1)
    expect(singlePointsOfFailure(services, [asset('server', true)], needs, [])).toEqual([])
  })

  it('flags an asset reached only through other assets', () => {
    // The server has a standby, but both copies sit behind the one firewall.
    const services = [service('mis', 1)]
    const assets = [asset('server', true), asset('lan', true), asset('firewall', false)]
    const graph = edges('server>lan', 'lan>firewall')
    expect(singlePointsOfFailure(services, assets, [need('mis', 'server')], graph)).toEqual([
      { assetId: 'firewall', serviceIds: ['mis'] },
    ])
  })

  it('does not flag anything reached only through optional needs', () => {
    const services = [service('mis', 1)]
    const assets = [asset('printer'), asset('lan')]
    const graph = edges('printer>lan')
    expect(singlePointsOfFailure(services, assets, [need('mis', 'printer', false)], graph)).toEqual([])
  })

  it('flags an asset under an optional need when a required chain also reaches it', () => {
    const services = [service('mis', 1)]
    const assets = [asset('printer'), asset('server', true), asset('lan')]
    const graph = edges('printer>lan', 'server>lan')
    const needs = [need('mis', 'printer', false), need('mis', 'server')]
    expect(singlePointsOfFailure(services, assets, needs, graph)).toEqual([
      { assetId: 'lan', serviceIds: ['mis'] },
    ])
  })

  it('lists endangered services most critical first, then by name', () => {
    const services = [
      service('s1', 2, 'Email'),
      service('s2', 1, 'Safeguarding'),
      service('s3', 2, 'Attendance'),
      service('s4', 1, 'Admissions'),
      service('s5', 3, 'Library'),
    ]
    const needs = services.map((s) => need(s.id, 'internet'))
    expect(singlePointsOfFailure(services, [asset('internet')], needs, [])).toEqual([
      { assetId: 'internet', serviceIds: ['s4', 's2', 's3', 's1'] },
    ])
  })

  it('sorts by number of endangered services, then asset name', () => {
    const services = [service('a', 1), service('b', 1), service('c', 2)]
    const assets = [
      asset('x1', false, 'Zebra switch'),
      asset('x2', false, 'Alpha server'),
      asset('x3', false, 'Core'),
    ]
    const needs = [need('a', 'x1'), need('b', 'x1'), need('c', 'x2'), need('a', 'x3')]
    expect(singlePointsOfFailure(services, assets, needs, [])).toEqual([
      { assetId: 'x1', serviceIds: ['a', 'b'] },
      { assetId: 'x2', serviceIds: ['c'] },
      { assetId: 'x3', serviceIds: ['a'] },
    ])
  })

  it('lists a service once per asset even if it reaches the asset by several routes', () => {
    const graph = edges('A>B', 'A>C', 'B>D', 'C>D')
    const assets = ['A', 'B', 'C', 'D'].map((id) => asset(id, id !== 'D'))
    const needs = [need('s', 'A'), need('s', 'B')]
    expect(singlePointsOfFailure([service('s', 1)], assets, needs, graph)).toEqual([
      { assetId: 'D', serviceIds: ['s'] },
    ])
  })

  it('treats an asset missing from the list as having no standby', () => {
    expect(singlePointsOfFailure([service('s', 1)], [], [need('s', 'ghost')], [])).toEqual([
      { assetId: 'ghost', serviceIds: ['s'] },
    ])
  })
})

describe('topologicalOrder', () => {
  it('puts every asset after the assets it depends on', () => {
    const graph = edges('server>lan', 'lan>core', 'core>power', 'wifi>core', 'server>power')
    const order = topologicalOrder(['server', 'wifi', 'lan', 'core', 'power'], graph)
    expect(order).toEqual(['power', 'core', 'lan', 'server', 'wifi'])
    for (const e of graph) expect(order.indexOf(e.dependsOnId)).toBeLessThan(order.indexOf(e.assetId))
  })

  it('breaks ties by id', () => {
    expect(topologicalOrder(['c', 'a', 'b'], [])).toEqual(['a', 'b', 'c'])
    expect(topologicalOrder(['d', 'c', 'b', 'a'], edges('a>d', 'b>d'))).toEqual(['c', 'd', 'a', 'b'])
  })

  it('respects dependencies through assets it was not asked about', () => {
    expect(topologicalOrder(['a', 'z'], edges('a>m', 'm>z'))).toEqual(['z', 'a'])
  })

  it('throws naming the loop', () => {
    const run = () => topologicalOrder(['a', 'b', 'c', 'd'], edges('a>b', 'b>c', 'c>a', 'd>a'))
    expect(run).toThrow(DependencyCycleError)
    expect(run).toThrow('These assets depend on each other in a loop: a → b → c → a')
  })

  it('throws on an asset depending on itself', () => {
    expect(() => topologicalOrder(['a'], edges('a>a'))).toThrow('a → a')
  })

  it('ignores loops among assets it does not involve', () => {
    expect(topologicalOrder(['a', 'b'], edges('a>b', 'x>y', 'y>x'))).toEqual(['b', 'a'])
  })
})

describe('hasCycle', () => {
  it('finds loops of any length, including an asset depending on itself', () => {
    expect(hasCycle(edges('a>a'))).toBe(true)
    expect(hasCycle(edges('a>b', 'b>a'))).toBe(true)
    expect(hasCycle(edges('a>b', 'b>c', 'c>d', 'd>e', 'e>b'))).toBe(true)
  })

  it('does not mistake a diamond or shared dependencies for a loop', () => {
    expect(hasCycle(edges('a>b', 'a>c', 'b>d', 'c>d'))).toBe(false)
    expect(hasCycle(edges('a>b', 'a>b'))).toBe(false)
    expect(hasCycle([])).toBe(false)
  })
})

// A seeded generator keeps the large graph identical on every run, so a failure can be reproduced.
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('a school-trust-sized catalogue', () => {
  const random = mulberry32(20261122)
  const pick = (n: number) => Math.floor(random() * n)
  const id = (i: number) => `a${String(i).padStart(3, '0')}`

  const assets: AssetNode[] = Array.from({ length: 500 }, (_, i) =>
    asset(id(i), random() < 0.5, `Asset ${i}`),
  )
  // Each asset depends only on lower-numbered ones, so the graph is free of loops by construction.
  const seen = new Set<string>()
  const graph: AssetEdge[] = []
  while (graph.length < 2000) {
    const from = 1 + pick(499)
    const to = pick(from)
    const key = `${from}>${to}`
    if (seen.has(key)) continue
    seen.add(key)
    graph.push({ assetId: id(from), dependsOnId: id(to) })
  }
  const services: ServiceNode[] = Array.from({ length: 120 }, (_, i) =>
    service(`s${i}`, 1 + (i % 4), `Service ${i}`),
  )
  const needs: ServiceNeed[] = services.flatMap((s) =>
    Array.from({ length: 1 + pick(4) }, () => need(s.id, id(pick(500)), random() < 0.7)),
  )

  it('finds single points of failure that agree with the reverse walk', () => {
    const result = singlePointsOfFailure(services, assets, needs, graph)
    expect(result.length).toBeGreaterThan(0)

    const critical = new Map(services.filter((s) => s.criticality <= 2).map((s) => [s.id, s]))
    const expected = new Map<string, string[]>()
    for (const a of assets) {
      if (a.hasStandby) continue
      const hit = servicesAffectedBy(a.id, needs, graph)
        .filter((s) => s.required && critical.has(s.serviceId))
        .map((s) => s.serviceId)
      if (hit.length > 0) expected.set(a.id, hit.sort())
    }
    expect(new Map(result.map((r) => [r.assetId, [...r.serviceIds].sort()]))).toEqual(expected)

    const standby = new Set(assets.filter((a) => a.hasStandby).map((a) => a.id))
    expect(result.filter((r) => standby.has(r.assetId))).toEqual([])
    for (let i = 1; i < result.length; i++) {
      expect(result[i - 1]!.serviceIds.length).toBeGreaterThanOrEqual(result[i]!.serviceIds.length)
    }
  })

  it('orders all 500 assets with every dependency first and finds no loop', () => {
    expect(hasCycle(graph)).toBe(false)
    const order = topologicalOrder(
      assets.map((a) => a.id),
      graph,
    )
    expect(order).toHaveLength(500)
    const position = new Map(order.map((a, i) => [a, i]))
    for (const e of graph) expect(position.get(e.dependsOnId)!).toBeLessThan(position.get(e.assetId)!)
  })

  it('refuses a back edge with a loop made of real links', () => {
    const top = graph.find((e) => e.dependsOnId === id(0))!
    const cycle = findCycle(graph, id(0), top.assetId)
    expect(cycle).not.toBeNull()
    expect(cycle![0]).toBe(id(0))
    expect(cycle!.at(-1)).toBe(id(0))
    const links = new Set([...graph.map((e) => `${e.assetId}>${e.dependsOnId}`), `${id(0)}>${top.assetId}`])
    for (let i = 1; i < cycle!.length; i++) expect(links.has(`${cycle![i - 1]}>${cycle![i]}`)).toBe(true)
  })
})
