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
 * A graph as compressed rows: the nodes `v` points at are `list[start[v] .. start[v + 1])`. The engine keeps
 * its big graphs this way (two flat typed arrays rather than an array per node), which the garbage collector
 * never has to walk and a walk reads in order.
 */
export type Rows = { start: Int32Array; list: Int32Array }

/** The same graph as rows, each row in the order of its array. */
export function toRows(succ: readonly (readonly number[])[]): Rows {
  const start = new Int32Array(succ.length + 1)
  for (let v = 0; v < succ.length; v++) start[v + 1] = start[v]! + succ[v]!.length
  const list = new Int32Array(start[succ.length]!)
  for (let v = 0; v < succ.length; v++) list.set(succ[v]!, start[v]!)
  return { start, list }
}

/**
 * The strongly connected components of a graph whose nodes are `0 .. succ.length - 1`, where `succ[v]` lists
 * the nodes `v` points at (for "depends on" edges: what `v` needs first); the graph may also be given as
 * {@link Rows}.
 *
 * Tarjan's algorithm, with an explicit stack instead of recursion so a long chain of ten thousand steps
 * cannot overflow the call stack. Components come out with every component a node points at before the
 * node's own (dependencies first), each component's members in ascending order.
 */
export function stronglyConnected(graph: readonly (readonly number[])[] | Rows): number[][] {
  return components('start' in graph ? graph : toRows(graph), false)
}

/**
 * Only the components that are loops (see {@link isLoop}), in the same order. The task graph has a node per
 * step and hardly ever a loop, so this spares making a list for each of a hundred thousand lone nodes.
 */
export function loopComponents(graph: Rows): number[][] {
  return components(graph, true)
}

function components({ start, list }: Rows, loopsOnly: boolean): number[][] {
  const n = start.length - 1
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const nextEdge = start.slice(0, n)
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
      if (nextEdge[v]! < start[v + 1]!) {
        const w = list[nextEdge[v]!++]!
        if (index[w] === -1) enter(w)
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!)
        continue
      }
      path.pop()
      const parent = path[path.length - 1]
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!)
      if (low[v] !== index[v]) continue
      if (loopsOnly && stack[stack.length - 1] === v && !pointsAtItself({ start, list }, v)) {
        stack.pop()
        onStack[v] = 0
        continue
      }
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
export function isLoop(component: readonly number[], graph: readonly (readonly number[])[] | Rows): boolean {
  if (component.length > 1) return true
  const only = component[0]!
  return 'start' in graph ? pointsAtItself(graph, only) : graph[only]!.includes(only)
}

function pointsAtItself({ start, list }: Rows, v: number): boolean {
  for (let e = start[v]!; e < start[v + 1]!; e++) if (list[e] === v) return true
  return false
}
