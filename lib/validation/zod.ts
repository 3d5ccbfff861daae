import { z } from 'zod'

/*
 * The portal's one door to zod. Zod 4 compiles object parsers with `new Function` unless told not to,
 * and probes for it whenever an object schema is built: in the browser (forms import their schema's
 * option lists) that probe is a Content-Security-Policy violation, because the policy allows no eval.
 * Built jitless, schemas parse the same way everywhere, and the policy stays clean. Every module that
 * builds a schema imports z from here (type-only imports of 'zod' are fine), so this runs first.
 */
z.config({ jitless: true })

export { z }
