import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeAuditRow } from './describe'
import {
  ACTIVITY_KINDS,
  AUDIT_ENTITIES,
  auditPairs,
  ENTITIES,
  isAuditEntity,
  isAuditPair,
  PHRASES,
} from './vocabulary'
import type { AuditInput } from './write'

const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * Every .ts file under lib that writes audit rows, itself or through the write path for versioned
 * records (lib/records/versioned.ts), the audit folder aside.
 */
function writers(): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = []
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name)
      if (d.isDirectory()) {
        if (d.name !== 'generated' && p !== path.join(ROOT, 'lib', 'audit')) walk(p)
      } else if (/\.tsx?$/.test(d.name) && !d.name.endsWith('.test.ts')) {
        const source = fs.readFileSync(p, 'utf8')
        if (/(writeAudit|writeAuditMany|updateVersioned|setArchivedVersioned)\(/.test(source))
          out.push({ file: path.relative(ROOT, p), source })
      }
    }
  }
  walk(path.join(ROOT, 'lib'))
  return out
}

const literals = (source: string, key: string) => {
  const found = new Set<string>()
  // `key: 'x'`, and both sides of `key: cond ? 'x' : 'y'`.
  for (const m of source.matchAll(new RegExp(`\\b${key}:\\s*([^,\\n}]+)`, 'g')))
    for (const s of m[1]!.matchAll(/'([^']+)'/g)) found.add(s[1]!)
  return found
}

describe('the audit vocabulary', () => {
  it('finds the writers it checks', () => {
    const files = writers().map((w) => w.file)
    for (const f of [
      'lib/services/mutations.ts',
      'lib/assets/mutations.ts',
      'lib/people/mutations.ts',
      'lib/assets/import.ts',
      'lib/catalogue/load-starter.ts',
    ])
      expect(files).toContain(f)
  })

  it('lists every entity and action that the code writes', () => {
    // The write path takes the entity from its caller; its type admits only vocabulary pairs.
    const generic = new Set(['lib/records/versioned.ts'])
    for (const { file, source } of writers()) {
      if (generic.has(file)) continue
      const entities = [...literals(source, 'entity')].filter((e) => /^[A-Z]/.test(e))
      expect(entities.length, `${file} names the entity it audits`).toBeGreaterThan(0)
      // What the write path records for its callers.
      if (source.includes('updateVersioned('))
        expect(
          entities.some((e) => isAuditPair(e, 'update')),
          `${file}: update`,
        ).toBe(true)
      if (source.includes('setArchivedVersioned('))
        expect(
          entities.some((e) => isAuditPair(e, 'archive') && isAuditPair(e, 'restore')),
          `${file}: archive and restore`,
        ).toBe(true)
      for (const e of entities) expect(isAuditEntity(e), `${file}: entity ${e}`).toBe(true)
      for (const a of literals(source, 'action'))
        expect(
          entities.some((e) => isAuditPair(e, a)),
          `${file}: action ${a} is not listed for ${entities.join(', ')}`,
        ).toBe(true)
    }
  })

  it.each(auditPairs())('has words and a sentence for $entity $action', ({ entity, action }) => {
    const phrase = (PHRASES[entity] as Record<string, { says: unknown; details: string }>)[action]
    expect(phrase, `${entity} ${action}`).toBeDefined()
    const entry = describeAuditRow(
      {
        id: 'row1',
        at: new Date('2026-11-24T10:00:00Z'),
        entity,
        entityId: 'rec1',
        action,
        before: { name: 'Wi-Fi', role: 'TEAM' },
        after: { name: 'Wi-Fi', role: 'HEAD', service: 'Wi-Fi', asset: 'Router' },
        batchId: null,
        actor: { name: 'Priya Shah' },
      },
      { timeZone: 'Europe/London' },
    )
    expect(entry.sentence).toMatch(/^Priya Shah [a-z]/)
    expect(entry.sentence).not.toMatch(/undefined|null|\[object|rec1|row1/)
    // The old log's words: a machine action with a 'd' stuck on, or a model name.
    expect(entry.sentence).not.toMatch(
      /importd|starterd|\b[a-z]+-[a-z]+d\b|ServiceAsset|AssetDependency|Membership/,
    )
  })

  it('labels every field it shows in lower-case words, never a column name', () => {
    for (const entity of AUDIT_ENTITIES)
      for (const [field, spec] of Object.entries(ENTITIES[entity].fields)) {
        expect(spec.label, `${entity}.${field}`).toMatch(/^[a-z][a-z -]*$/)
        expect(spec.label).not.toMatch(/[A-Z]|Id$|Minutes$/)
      }
  })

  it('files every entity under a kind of record in the activity filter', () => {
    const filed = Object.values(ACTIVITY_KINDS).flatMap((k) => [...k.entities])
    for (const e of AUDIT_ENTITIES) expect(filed, e).toContain(e)
  })

  it('refuses a misspelt entity or an action the entity does not have, at compile time', () => {
    const base = { schoolId: 's', actorId: null, entityId: 'x' }
    // @ts-expect-error 'Servce' is not an entity
    const typo: AuditInput = { ...base, entity: 'Servce', action: 'create' }
    // @ts-expect-error a link is not archived
    const wrong: AuditInput = { ...base, entity: 'ServiceAsset', action: 'archive' }
    const right: AuditInput = { ...base, entity: 'Service', action: 'archive' }
    expect([typo, wrong, right].map((e) => isAuditPair(e.entity, e.action))).toEqual([false, false, true])
  })
})
