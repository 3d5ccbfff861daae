import pg from 'pg'

export default async function globalTeardown() {
  const url = new URL(process.env.E2E_DATABASE_URL!)
  const name = url.pathname.slice(1)
  url.pathname = '/postgres'
  const c = new pg.Client({ connectionString: url.toString() })
  await c.connect()
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await c.end()
}
