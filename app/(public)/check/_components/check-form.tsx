import { buttonClass } from '@/components/ui/button'

/**
 * Type a fingerprint off a printed copy. A plain GET form: it works with no JavaScript and no session,
 * and keeps what was typed when it is not a fingerprint.
 */
export function CheckForm({ value = '', error }: { value?: string; error?: string }) {
  return (
    <form method="get" action="/check" className="mt-4" noValidate>
      <label htmlFor="check-f" className="block font-semibold">
        Fingerprint printed on the plan
      </label>
      <p id="check-f-hint" className="text-sm text-slate-700">
        At least the first 16 characters (in bold on the cover). Spaces, dashes and capitals do not matter.
      </p>
      {error && (
        <p id="check-f-error" className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <input
        id="check-f"
        name="f"
        defaultValue={value}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        aria-describedby={error ? 'check-f-hint check-f-error' : 'check-f-hint'}
        aria-invalid={error ? true : undefined}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono"
      />
      <button type="submit" className={buttonClass('primary', 'mt-3')}>
        Check this copy
      </button>
    </form>
  )
}
