'use client'
import Link from 'next/link'
import { type ChangeEvent, type FormEvent, useState } from 'react'
import { useActionForm } from '@/components/forms/use-action-form'
import { Notice } from '@/components/ui/notice'
import { SubmitButton } from '@/components/ui/submit-button'
import { TableScroll } from '@/components/ui/table-scroll'
import { importAssetsAction, previewAssetImportAction } from '@/lib/assets/actions'
import type { ImportPreview } from '@/lib/assets/csv'
import { CSV_TOO_LARGE, MAX_CSV_BYTES } from '@/lib/assets/schema'
import { notCsvReason } from '@/lib/csv-file'
import type { ActionResult } from '@/lib/result'

type PreviewState = ActionResult<{ csv: string; preview: ImportPreview }> | null
type ImportState = ActionResult<{ imported: number; skipped: number }> | null

/** Upload -> a preview with every row's problems -> import all, or only the valid rows on purpose. */
export function ImportAssets() {
  const previewForm = useActionForm(previewAssetImportAction)
  const importForm = useActionForm(importAssetsAction)
  const [previewState, preview]: [PreviewState, (fd: FormData) => void] = [
    previewForm.result,
    previewForm.action,
  ]
  const [importState, runImport]: [ImportState, (fd: FormData) => void] = [
    importForm.result,
    importForm.action,
  ]
  const [onlyValid, setOnlyValid] = useState(false)
  // A problem found in the browser before anything is sent (too large, not a CSV, no file), and the
  // result it belongs to, so that a newer answer from the server replaces it.
  const [local, setLocal] = useState<{ message: string; after: PreviewState } | null>(null)
  const checked = previewState?.ok && !previewState.data.preview.notCsv ? previewState.data : null
  const p = checked?.preview
  const serverError =
    previewState && !previewState.ok
      ? (previewState.fieldErrors?.file?.join(' ') ?? previewState.message)
      : previewState?.ok
        ? previewState.data.preview.notCsv
        : null
  const fileError = local && local.after === previewState ? local.message : serverError

  // Checked as soon as a file is chosen: its size, and its first bytes (an .xlsx is a zip file).
  async function onFileChosen(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0]
    if (!file) return setLocal(null)
    const problem =
      file.size > MAX_CSV_BYTES
        ? CSV_TOO_LARGE
        : notCsvReason(file.name, new Uint8Array(await file.slice(0, 4096).arrayBuffer()))
    setLocal(problem ? { message: problem, after: previewState } : null)
  }
  function onCheck(e: FormEvent<HTMLFormElement>) {
    const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0]
    const problem = !file
      ? 'Choose a CSV file.'
      : file.size > MAX_CSV_BYTES
        ? CSV_TOO_LARGE
        : local && local.after === previewState
          ? local.message
          : null
    if (!problem) return setLocal(null)
    // Nothing is sent: the message goes beside the field.
    e.preventDefault()
    setLocal({ message: problem, after: previewState })
  }

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
      <form
        action={preview}
        onSubmit={onCheck}
        noValidate
        className="mb-6 rounded-lg border border-slate-300 bg-white p-4"
      >
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
          onChange={onFileChosen}
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
          {p.columns.length > 0 && <ColumnsRead columns={p.columns} />}
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

/** Which column of the file was read as which field, and which were left out (and why). */
function ColumnsRead({ columns }: { columns: ImportPreview['columns'] }) {
  const left = columns.filter((c) => !c.field)
  return (
    <div className="mb-4">
      <h3 className="mb-1 font-semibold">Columns read</h3>
      <ul className="mb-2 list-disc pl-5 text-sm" data-testid="columns-read">
        {columns
          .filter((c) => c.field)
          .map((c) => (
            <li key={c.heading} className="[overflow-wrap:anywhere]">
              &ldquo;{c.heading}&rdquo; as {c.label?.toLowerCase()}
            </li>
          ))}
      </ul>
      {left.length > 0 && (
        <>
          <h3 className="mb-1 font-semibold">Columns left out</h3>
          <ul className="list-disc pl-5 text-sm" data-testid="columns-left-out">
            {left.map((c) => (
              <li key={c.heading} className="[overflow-wrap:anywhere]">
                &ldquo;{c.heading}&rdquo;: {c.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
