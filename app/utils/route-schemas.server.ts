/**
 * Schemas that some routes use only in their loader or action, imported from here instead of
 * from their domain modules. esbuild keeps every module a route imports if it creates something
 * at load time (a zod schema does), even when only the loader or action, both removed from the
 * browser build, used the import. A *.server.ts module is left out of the browser build (see
 * remix.config.js), so pages that validate nothing in the browser (/book, /book/time, moving a
 * booking) no longer download and run zod: performance-goals.md 6(d). Routes with a client-side
 * form import their schema directly: the browser runs the same validation as the server.
 */
export { ChooseServiceSchema, SlotChoiceSchema } from '#app/domain/booking/booking.schema.ts'
export { SlotQuerySchema } from '#app/domain/booking/slot-query.schema.ts'
