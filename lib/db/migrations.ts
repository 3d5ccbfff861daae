import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg'
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import { closePglite, createAdapterFactory } from './adapter'
import type { DbTarget } from './target'

/*
 * Prisma Migrate without the native schema engine (which cannot be downloaded on our machines): the
 * WebAssembly schema engine driven through a driver adapter. The folder format and the
 * _prisma_migrations table are Prisma's own, so `prisma migrate deploy` works wherever it can run.
 */

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations')
export const SCHEMA_PATH = path.join(process.cwd(), 'prisma', 'schema.prisma')
const NO_FILTERS = { externalTables: [], externalEnums: [] }

let wasmReady = false
async function loadWasm(): Promise<void> {
  if (wasmReady) return
  const require = createRequire(import.meta.url)
  const jsPath = require.resolve('@prisma/schema-engine-wasm')
  const bytes = fs.readFileSync(path.join(path.dirname(jsPath), 'schema_engine_bg.wasm'))
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
  })
  engineBindings.__wbg_set_wasm(instance.exports)
  ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
  wasmReady = true
}

export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, 'migration_lock.toml')
  const names = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
        .map((d) => d.name)
        .sort()
    : []
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      // The engine records this as the migration's name, as Prisma Migrate does with the folder name.
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  }
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
  log: (line: string) => void = () => {},
): Promise<T> {
  await loadWasm()
  const schema = fs.readFileSync(SCHEMA_PATH, 'utf8')
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    (msg: string) => log(msg),
    bindMigrationAwareSqlAdapterFactory(factory),
  )
  try {
    return await fn(engine)
  } finally {
    engine.free()
  }
}

/** Engine errors arrive as objects or JSON strings; turn them into one readable Error. */
export function engineError(e: unknown): Error {
  if (e instanceof Error) return e
  if (typeof e === 'string') {
    try {
      const parsed = JSON.parse(e) as { message?: string }
      return new Error(parsed.message ?? e)
    } catch {
      return new Error(e)
    }
  }
  const obj = e as { message?: string }
  return new Error(obj?.message ?? JSON.stringify(e))
}

/** Applies every pending migration; throws (and leaves the migration marked failed) when one fails. */
export async function applyMigrations(
  target: DbTarget,
  opts: { dir?: string; factory?: SqlMigrationAwareDriverAdapterFactory } = {},
): Promise<string[]> {
  const factory = opts.factory ?? createAdapterFactory(target)
  try {
    const out = await withEngine(factory, (engine) =>
      engine.applyMigrations({ migrationsList: readMigrationList(opts.dir), filters: NO_FILTERS }),
    )
    return out.appliedMigrationNames
  } catch (e) {
    throw engineError(e)
  }
}

export type MigrationStatus = {
  migrations: string[]
  pending: string[]
  failed: string[]
  edited: string[]
  problem: string | null
}

export async function migrationStatus(target: DbTarget, dir?: string): Promise<MigrationStatus> {
  const list = readMigrationList(dir)
  const migrations = list.migrationDirectories.map((d) => d.path)
  try {
    const out = await withEngine(createAdapterFactory(target), (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: list,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      }),
    )
    const h = out.history
    let pending: string[] = []
    let problem: string | null = null
    if (!out.hasMigrationsTable) pending = migrations
    else if (h?.diagnostic === 'databaseIsBehind') pending = h.unappliedMigrationNames
    else if (h?.diagnostic === 'migrationsDirectoryIsBehind')
      problem = `The database has migrations this checkout lacks: ${h.unpersistedMigrationNames.join(', ')}`
    else if (h?.diagnostic === 'historiesDiverge') {
      pending = h.unappliedMigrationNames
      problem = `Migration histories diverge after ${h.lastCommonMigrationName ?? 'the start'}`
    }
    return {
      migrations,
      pending,
      failed: out.failedMigrationNames,
      edited: out.editedMigrationNames,
      problem,
    }
  } catch (e) {
    throw engineError(e)
  }
}

/**
 * Writes the SQL that takes the committed migrations to schema.prisma as a new migration folder. The
 * diff runs on throwaway in-memory PGlite databases, so no server and no shadow database are touched.
 */
export async function createMigration(name: string, dir = MIGRATIONS_DIR): Promise<string | null> {
  const memory: DbTarget = { kind: 'pglite', dir: 'memory://' }
  const schema = fs.readFileSync(SCHEMA_PATH, 'utf8')
  const lock = path.join(dir, 'migration_lock.toml')
  if (!fs.existsSync(lock)) {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    )
  }
  try {
    const result = await withEngine(createAdapterFactory(memory), (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...readMigrationList(dir) },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      }),
    )
    const sql = result.stdout ?? ''
    if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) return null
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '') || 'migration'
    const folder = path.join(dir, `${stamp}_${slug}`)
    fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(path.join(folder, 'migration.sql'), sql)
    return folder
  } catch (e) {
    throw engineError(e)
  } finally {
    await closePglite('memory://')
  }
}
