import type { Metadata } from 'next'
import { LoadDefaults } from '@/components/risks/load-defaults'
import { PageHeader } from '@/components/ui/page-header'
import { requireSchoolContext } from '@/lib/auth/context'
import { can } from '@/lib/auth/permissions'
import { getRiskSettings, listCategoriesAndThreats } from '@/lib/risks/queries'
import { RiskTabs } from '../_components/risk-tabs'
import { AppetiteForm } from './_components/appetite-form'
import { NamedList } from './_components/named-list'

export const metadata: Metadata = { title: 'Risk categories, threats and appetite' }

const SECTION = 'mb-6 rounded-lg border border-slate-300 bg-white p-4'

export default async function RiskSettingsPage() {
  const ctx = await requireSchoolContext('risks.read')
  const edit = can(ctx.role, 'risks.edit')
  const [settings, lists] = await Promise.all([
    getRiskSettings(ctx.schoolId),
    listCategoriesAndThreats(ctx.schoolId),
  ])
  const readOnly = (items: { id: string; name: string; retiredAt: Date | null }[]) => (
    <ul className="list-disc pl-5">
      {items.map((x) => (
        <li key={x.id}>
          {x.name}
          {x.retiredAt ? ' (retired)' : ''}
        </li>
      ))}
    </ul>
  )
  return (
    <>
      <PageHeader
        title="Categories, threats and appetite"
        description="FITS groups what can happen to services and assets into risk categories, and what causes it into threats. A retired one is no longer offered for new risks; risks that have it keep it."
      />
      <RiskTabs current="settings" />
      <section aria-labelledby="appetite-h" className={SECTION}>
        <h2 id="appetite-h" className="mb-2 text-lg font-bold">
          Risk appetite
        </h2>
        {edit ? (
          <AppetiteForm appetite={settings.riskAppetite} version={settings.version} />
        ) : (
          <p>
            Open risks scoring more than <strong>{settings.riskAppetite}</strong> need action.
          </p>
        )}
      </section>
      {edit && (
        <section aria-labelledby="defaults-h" className={SECTION}>
          <h2 id="defaults-h" className="mb-2 text-lg font-bold">
            FITS defaults
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            The five FITS risk categories and their threats, with ransomware, phishing, theft and flood.
            Loading them again adds only what is missing, and never brings back one you retired.
          </p>
          <LoadDefaults />
        </section>
      )}
      <section aria-labelledby="categories-h" className={SECTION}>
        <h2 id="categories-h" className="mb-2 text-lg font-bold">
          Risk categories
        </h2>
        {edit ? <NamedList kind="category" items={lists.categories} /> : readOnly(lists.categories)}
      </section>
      <section aria-labelledby="threats-h" className={SECTION}>
        <h2 id="threats-h" className="mb-2 text-lg font-bold">
          Threats
        </h2>
        {edit ? <NamedList kind="threat" items={lists.threats} /> : readOnly(lists.threats)}
      </section>
    </>
  )
}
