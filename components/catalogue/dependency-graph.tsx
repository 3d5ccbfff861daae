import { type LaidNode, type Layout, labelLines } from '@/lib/dependencies/layout'

/*
 * One style sheet for every box and line, so that each box is an <a> with a title, a <rect> and a
 * <text> and nothing else. Colours are the Tailwind ones the rest of the portal uses (brand, slate,
 * red, amber).
 */
const STYLE = `.dg text{font-size:13px;text-anchor:middle;fill:#0f172a}
.dg rect{fill:#fff;stroke:#64748b;stroke-width:1.5px;rx:6px}
.dg a:hover rect{fill:#f1f5f9}
.dg .s rect{fill:#175746;stroke:#12463a}
.dg .s:hover rect{fill:#12463a}
.dg .s text{fill:#fff;font-weight:600}
.dg .p rect{fill:#fef2f2;stroke:#b91c1c;stroke-width:3px;stroke-dasharray:6 3}
.dg .p:hover rect{fill:#fee2e2}
.dg .p text{fill:#7f1d1d;font-weight:600}
.dg a:focus{outline:none}
.dg a:focus rect{stroke:#f59e0b;stroke-width:4px;stroke-dasharray:none}
.dg .e path{fill:none;stroke:#94a3b8;stroke-width:1.4px;marker-end:url(#dg-arrow)}
.dg .e .o{stroke-dasharray:5 4}`

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
/** Text made safe to place in markup, as element content or inside a quoted attribute. */
export function escapeMarkup(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const r = Math.round

function nodeMarkup(n: LaidNode): string {
  const service = n.kind === 'service'
  const lines = labelLines(n.label).map(escapeMarkup)
  const title = `${n.label} (${service ? 'service' : n.spof ? 'asset, single point of failure' : 'asset'})`
  const cls = service ? ' class="s"' : n.spof ? ' class="p"' : ''
  const text = lines.length === 1 ? lines[0] : `${lines[0]} <tspan x="${r(n.x)}" dy="16">${lines[1]}</tspan>`
  return (
    `<a href="/${service ? 'services' : 'assets'}/${escapeMarkup(n.id)}"${cls}><title>${escapeMarkup(title)}</title>` +
    `<rect x="${r(n.x - n.width / 2)}" y="${r(n.y - n.height / 2)}" width="${r(n.width)}" height="${r(n.height)}"/>` +
    `<text x="${r(n.x)}" y="${r(n.y - ((lines.length - 1) * 16) / 2 + 4.5)}">${text}</text></a>`
  )
}

/**
 * The inside of the picture's <svg> as one string. Drawn as markup rather than as React elements: a
 * picture of hundreds of boxes would otherwise travel twice over (as HTML and as the page's React
 * payload, one streamed piece per box); this way it is one string, every label escaped.
 */
export function graphMarkup(layout: Layout): string {
  const edges = layout.edges
    .map(
      (e) =>
        `<path d="${e.points.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)} ${r(p.y)}`).join('')}"${e.optional ? ' class="o"' : ''}/>`,
    )
    .join('')
  return (
    '<title id="graph-title">Dependency graph: services linked to the assets they need</title>' +
    `<style>${STYLE}</style>` +
    '<defs><marker id="dg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>' +
    `<g class="e">${edges}</g>${layout.nodes.map(nodeMarkup).join('')}`
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
        className="dg"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: built by graphMarkup, which escapes every label and id
        dangerouslySetInnerHTML={{ __html: graphMarkup(layout) }}
      />
    </section>
  )
}
