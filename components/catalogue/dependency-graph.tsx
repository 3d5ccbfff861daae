import { type LaidNode, type Layout, labelLines } from '@/lib/dependencies/layout'

function Node({ n }: { n: LaidNode }) {
  const href = n.kind === 'service' ? `/services/${n.id}` : `/assets/${n.id}`
  const lines = labelLines(n.label)
  const x = n.x - n.width / 2
  const y = n.y - n.height / 2
  const service = n.kind === 'service'
  const title = `${n.label} (${service ? 'service' : 'asset'}${n.spof ? ', single point of failure' : ''})`
  return (
    <a href={href} aria-label={title} className="group">
      <title>{title}</title>
      <rect
        x={x}
        y={y}
        width={n.width}
        height={n.height}
        rx={6}
        className={
          service
            ? 'fill-brand-700 stroke-brand-800 group-hover:fill-brand-800 group-focus:stroke-amber-500'
            : n.spof
              ? 'fill-red-50 stroke-red-700 group-hover:fill-red-100 group-focus:stroke-amber-500'
              : 'fill-white stroke-slate-500 group-hover:fill-slate-100 group-focus:stroke-amber-500'
        }
        strokeWidth={n.spof ? 3 : 1.5}
        strokeDasharray={n.spof ? '6 3' : undefined}
      />
      <text
        x={n.x}
        y={n.y - ((lines.length - 1) * 16) / 2 + 4.5}
        textAnchor="middle"
        fontSize={13}
        className={
          service ? 'fill-white font-semibold' : n.spof ? 'fill-red-900 font-semibold' : 'fill-slate-900'
        }
      >
        {lines[0]}
        {lines[1] !== undefined && (
          <>
            {' '}
            <tspan x={n.x} dy={16}>
              {lines[1]}
            </tspan>
          </>
        )}
      </text>
    </a>
  )
}

/**
 * The dependency graph as SVG, drawn at its natural size inside a scrolling region so that labels stay
 * readable however many nodes there are. Every node is a link to its page; the page beside it gives
 * the same facts as a list for screen readers.
 */
export function DependencyGraph({ layout }: { layout: Layout }) {
  if (layout.nodes.length === 0) return <p className="text-slate-700">Nothing to draw yet.</p>
  return (
    <section
      aria-label="Dependency graph (scrolls sideways)"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users
      tabIndex={0}
      className="max-h-[75vh] overflow-auto rounded-lg border border-slate-300 bg-white"
    >
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        aria-labelledby="graph-title"
      >
        <title id="graph-title">Dependency graph: services linked to the assets they need</title>
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="fill-slate-500" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <path
            key={`${e.from}-${e.to}`}
            d={e.points.map((p, i) => `${i ? 'L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ')}
            fill="none"
            className="stroke-slate-400"
            strokeWidth={1.4}
            strokeDasharray={e.optional ? '5 4' : undefined}
            markerEnd="url(#arrow)"
          />
        ))}
        {layout.nodes.map((n) => (
          <Node key={`${n.kind}-${n.id}`} n={n} />
        ))}
      </svg>
    </section>
  )
}
