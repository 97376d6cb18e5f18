export * from './audit.ts'
export * from './auth.ts'
export * from './clinic.ts'
export * from './booking.ts'
