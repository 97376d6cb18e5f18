/**
 * The password every demo staff account has in the Vitest base database. The product itself
 * generates a new random password per account and database (db/seed.ts); tests choose their own,
 * so that they never depend on what a real install prints.
 */
export const TEST_STAFF_PASSWORD = 'test-only staff password, never shipped'
