import { describe, expect, it } from 'vitest'
import { layoutDependencyGraph } from '@/lib/dependencies/layout'
import { escapeMarkup, graphMarkup } from './dependency-graph'

describe('the dependency picture markup', () => {
  const layout = layoutDependencyGraph({
    services: [{ id: 's1', name: 'Art & "design" <b>', criticality: 1 }],
    assets: [
      { id: 'a1', name: `Mr O'Neil's </title><script>alert(1)</script> laptop with a very long name indeed` },
      { id: 'a2', name: 'Unneeded' },
    ],
    needs: [{ serviceId: 's1', assetId: 'a1', required: false }],
    edges: [],
    spofs: new Set(['a1']),
  })
  const svg = graphMarkup(layout)

  it('escapes every label, so no name can close a tag or start a script', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    expect(svg).not.toContain('<script>')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('Art &amp; &quot;design&quot; &lt;b&gt; (service)')
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;')
  })

  it('draws each box as a link with a title, one rect and one text, classed by kind', () => {
    expect(svg.match(/<a /g)).toHaveLength(2)
    expect(svg).toContain('<a href="/services/s1" class="s"><title>')
    expect(svg).toContain('<a href="/assets/a1" class="p"><title>')
    expect(svg).toContain('single point of failure')
    expect(svg).toContain('<tspan') // the long name is drawn on two lines
    expect(svg).toMatch(/<path d="M\d+ \d+(L\d+ \d+)+" class="o"\/>/) // optional link: dashed
    expect(svg).not.toContain('Unneeded')
  })
})
