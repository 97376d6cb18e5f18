import * as z from 'zod'

/**
 * zod compiles object parsers with `new Function` unless told not to, and it decides when a
 * schema is created, probing with `new Function('')`. Our CSP forbids eval, so in the browser
 * that probe is a Content Security Policy violation (reported to /csp-report) on every page
 * with a form. root.tsx imports this module before anything else, so that it runs before any
 * route module creates a schema. The server has no CSP and keeps zod's faster compiled parsers.
 */
if (typeof document !== 'undefined') z.config({ jitless: true })
