/**
 * A small in-process cache for what is derived from a school's records and changes only when they do:
 * each entry is stored under its key (a school, plus anything else it depends on) together with the data
 * version it was computed from, and is used only while that version is still current. The caller reads
 * the version fresh from the database (School.catalogueVersion, bumped by triggers in the same
 * transaction as every change), so a copy can never outlive the data it came from: a new version simply
 * misses and recomputes. Least recently used entries are dropped beyond `max`.
 *
 * Values are shared by every request that hits them, so they are deeply frozen: a caller that tried to
 * change one throws (strict mode) instead of corrupting another request's page.
 */
export function versionCache<V>(max: number) {
  const entries = new Map<string, { version: number; value: V }>()
  const inFlight = new Map<string, Promise<V>>()

  function store(key: string, version: number, value: V) {
    const current = entries.get(key)
    // Never replace a newer version with an older one that finished computing later.
    if (current && current.version > version) return
    entries.delete(key)
    entries.set(key, { version, value })
    while (entries.size > max) entries.delete(entries.keys().next().value as string)
  }

  function hit(key: string, version: number) {
    const entry = entries.get(key)
    if (!entry || entry.version !== version) return undefined
    // Refresh its place in the least-recently-used order.
    entries.delete(key)
    entries.set(key, entry)
    return entry
  }

  return {
    /** The value for key at this version, computing (and keeping) it on a miss. */
    get(key: string, version: number, compute: () => V): V {
      const entry = hit(key, version)
      if (entry) return entry.value
      const value = deepFreeze(compute())
      store(key, version, value)
      return value
    },
    /** The same for an async computation; concurrent misses for one key and version share one run. */
    getAsync(key: string, version: number, compute: () => Promise<V>): Promise<V> {
      const entry = hit(key, version)
      if (entry) return Promise.resolve(entry.value)
      const flightKey = `${version}:${key}`
      let flight = inFlight.get(flightKey)
      if (!flight) {
        flight = compute()
          .then((v) => {
            const value = deepFreeze(v)
            store(key, version, value)
            return value
          })
          .finally(() => inFlight.delete(flightKey))
        inFlight.set(flightKey, flight)
      }
      return flight
    },
    get size() {
      return entries.size
    },
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  if (value instanceof Map || value instanceof Set) {
    for (const v of value.values()) deepFreeze(v)
    if (value instanceof Map) for (const k of value.keys()) deepFreeze(k)
    return Object.freeze(value)
  }
  if (value instanceof Date) return value
  for (const v of Object.values(value as object)) deepFreeze(v)
  return Object.freeze(value)
}
