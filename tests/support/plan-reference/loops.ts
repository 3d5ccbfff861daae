/*
 * THE REFERENCE COPY of lib/plan/loops.ts, as it was before the engine was made faster (commit a270863).
 * Kept unchanged on purpose: the property tests in lib/plan/*.test.ts check that the engine gives exactly
 * what this straightforward version gives, so a speed-up can never change a figure. Do not optimise it;
 * when a rule changes on purpose, change it here too, in the plainest way.
 */
/**
 * Groups of things that wait on each other in a loop.
 *
 * The catalogue refuses a loop between assets (domain.md, AssetDependency: "must stay acyclic"), and
 * procedure steps can name another step that must be done first, so a loop should never reach the plan.
 * If one does (data from before the rule, an import), the plan must still be built and must say where the
 * loop is (issue 11: "reports cycles ... instead of failing"). Strongly connected components find every loop
 * at once in one linear pass: a component with more than one member, or one member that waits on itself,
 * is a loop; everything else can be ordered.
 */

/**
 * The strongly connected components of a graph whose nodes are `0 .. succ.length - 1`, where `succ[v]` lists
 * the nodes `v` points at (for "depends on" edges: what `v` needs first).
 *
 * Tarjan's algorithm, with an explicit stack instead of recursion so a long chain of ten thousand steps
 * cannot overflow the call stack. Components come out with every component a node points at before the
 * node's own (dependencies first), each component's members in ascending order.
 */
export function stronglyConnected(succ: readonly (readonly number[])[]): number[][] {
  const n = succ.length
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const nextEdge = new Int32Array(n)
  const stack: number[] = []
  const path: number[] = []
  const components: number[][] = []
  let counter = 0

  const enter = (v: number) => {
    index[v] = counter
    low[v] = counter
    counter++
    stack.push(v)
    onStack[v] = 1
    path.push(v)
  }

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    enter(root)
    while (path.length > 0) {
      const v = path[path.length - 1]!
      const out = succ[v]!
      if (nextEdge[v]! < out.length) {
        const w = out[nextEdge[v]!++]!
        if (index[w] === -1) enter(w)
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!)
        continue
      }
      path.pop()
      const parent = path[path.length - 1]
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!)
      if (low[v] !== index[v]) continue
      const component: number[] = []
      let w: number
      do {
        w = stack.pop()!
        onStack[w] = 0
        component.push(w)
      } while (w !== v)
      components.push(component.sort((a, b) => a - b))
    }
  }
  return components
}

/** True when the component is a loop: several members, or one member that points at itself. */
export function isLoop(component: readonly number[], succ: readonly (readonly number[])[]): boolean {
  if (component.length > 1) return true
  const only = component[0]!
  return succ[only]!.includes(only)
}
