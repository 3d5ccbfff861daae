// Creates the e2e database named by DATABASE_URL on its server, applies migrations and seeds the demo.
import pg from 'pg'
import { applyMigrations } from '../../lib/db/migrations'
import { resolveDbTarget } from '../../lib/db/target'
import { seed } from '../../prisma/seed'

const url = new URL(process.env.DATABASE_URL!)
const name = url.pathname.slice(1)
const admin = new URL(url)
admin.pathname = '/postgres'
const c = new pg.Client({ connectionString: admin.toString() })
await c.connect()
await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
await c.query(`CREATE DATABASE "${name}"`)
await c.end()
await applyMigrations(resolveDbTarget())
await seed()
console.log(`e2e database ${name} ready`)
process.exit(0)
