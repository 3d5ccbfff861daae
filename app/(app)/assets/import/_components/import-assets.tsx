'use client'
import Link from 'next/link'
import { useActionState, useState } from 'react'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { TableScroll } from '@/components/ui/table-scroll'
import { importAssetsAction, previewAssetImportAction } from '@/lib/assets/actions'
import type { ImportPreview } from '@/lib/assets/csv'
import type { ActionResult } from '@/lib/result'

type PreviewState = ActionResult<{ csv: string; preview: ImportPreview }> | null
type ImportState = ActionResult<{ imported: number; skipped: number }> | null

/** Upload -> a preview with every row's problems -> import all, or only the valid rows on purpose. */
export function ImportAssets() {
  const [previewState, preview] = useActionState<PreviewState, FormData>(previewAssetImportAction, null)
  const [importState, runImport] = useActionState<ImportState, FormData>(importAssetsAction, null)
  const [onlyValid, setOnlyValid] = useState(false)
  const checked = previewState?.ok ? previewState.data : null
  const p = checked?.preview
  const fileError =
    previewState && !previewState.ok
      ? (previewState.fieldErrors?.file?.join(' ') ?? previewState.message)
      : null

  if (importState?.ok)
    return (
      <Notice tone="success" title="Imported">
        {importState.data.imported} asset{importState.data.imported === 1 ? ' was' : 's were'} added to the
        register
        {importState.data.skipped ? `; ${importState.data.skipped} row(s) with problems were left out` : ''}.{' '}
        <Link href="/assets" className="font-semibold underline">
          See the assets
        </Link>
      </Notice>
    )

  return (
    <>
      <form action={preview} className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <label htmlFor="file" className="block text-sm font-semibold">
          Asset register (CSV)
        </label>
        <p id="file-hint" className="text-sm text-slate-600">
          One asset per line, with a header line. Nothing is saved until you confirm.
        </p>
        {fileError && (
          <p id="file-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">
            {fileError}
          </p>
        )}
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
          className="my-2 block w-full max-w-full"
        />
        <SubmitButton variant="secondary" pendingText="Checking…">
          Check the file
        </SubmitButton>
      </form>

      {p && checked && (
        <section aria-labelledby="preview-h" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="preview-h" className="mb-2 text-lg font-bold">
            Check before importing
          </h2>
          {p.fileProblems.length > 0 && (
            <Notice tone="warning" title="About the file">
              <ul className="list-disc pl-5">
                {p.fileProblems.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Notice>
          )}
          <p className="mb-3" data-testid="import-summary">
            {p.valid} row{p.valid === 1 ? '' : 's'} ready to import; {p.invalid} with problems.
          </p>
          <TableScroll label="Rows in the file">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rows in the file and their problems</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Line
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Problems
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr
                    key={r.line}
                    className={`border-t border-slate-200 ${r.problems.length ? 'bg-red-50' : ''}`}
                  >
                    <td className="px-3 py-2">{r.line}</td>
                    <td className="px-3 py-2">{r.name || '—'}</td>
                    <td className="px-3 py-2">
                      {r.problems.length ? (
                        <ul className="list-disc pl-4 text-red-900">
                          {r.problems.map((m) => (
                            <li key={m}>{m}</li>
                          ))}
                        </ul>
                      ) : (
                        'Ready'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <form action={runImport} className="mt-4">
            {importState && !importState.ok && <Notice tone="error">{importState.message}</Notice>}
            <input type="hidden" name="csv" value={checked.csv} />
            <input type="hidden" name="mode" value={p.invalid === 0 ? 'all' : 'valid-only'} />
            {p.invalid > 0 && p.valid > 0 && (
              <div className="mb-3 flex items-start gap-2">
                <input
                  id="only-valid"
                  type="checkbox"
                  checked={onlyValid}
                  onChange={(e) => setOnlyValid(e.target.checked)}
                  className="mt-1 h-5 w-5"
                />
                <label htmlFor="only-valid">
                  Import only the {p.valid} valid row{p.valid === 1 ? '' : 's'} and leave out the {p.invalid}{' '}
                  with problems
                </label>
              </div>
            )}
            {p.valid > 0 && (
              <SubmitButton disabled={p.invalid > 0 && !onlyValid} pendingText="Importing…">
                {p.invalid === 0
                  ? `Import ${p.valid} asset${p.valid === 1 ? '' : 's'}`
                  : `Import ${p.valid} valid row${p.valid === 1 ? '' : 's'}`}
              </SubmitButton>
            )}
            {p.invalid > 0 && (
              <p className="mt-2 text-sm text-slate-700">
                Or correct the file and check it again: nothing has been saved.
              </p>
            )}
          </form>
        </section>
      )}
    </>
  )
}
