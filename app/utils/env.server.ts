import * as z from 'zod'

const BooleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

/**
 * Every setting the server reads, validated once at start (a typo fails loudly, not later).
 * The README's configuration table documents each one.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/dermadesk.db'),
  /** Where uploaded pictures are kept; unset: a `media` folder beside the database. */
  MEDIA_DIR: z.string().min(1).optional(),
  /** The public address used in links inside emails and calendar files. */
  APP_ORIGIN: z.url().optional(),
  /** When set, mail goes out through this SMTP server; otherwise it stays in the outbox table. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Dermadesk Clinic <no-reply@dermadesk.local>'),
  /**
   * Seed the demo clinic into an empty database at start. Unset: only on the default database
   * path (the local try-out), never on a database put anywhere else (db/demo-data.ts).
   */
  SEED_DEMO: BooleanFromEnv.optional(),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of the app. */
  TRUST_PROXY: BooleanFromEnv.default(false),
  /** Secure, __Host- prefixed session cookie. Defaults to on in production. */
  SECURE_COOKIES: BooleanFromEnv.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run the in-process scheduler that sends mail and reminders (off for some test servers). */
  SCHEDULER: BooleanFromEnv.default(true),
  /** How often the scheduler looks for due work, in ms (the end-to-end tests use 500). */
  SCHEDULER_TICK_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Staff must set up two-factor sign-in before using staff pages. Defaults to on in production. */
  REQUIRE_STAFF_MFA: BooleanFromEnv.optional(),
  /** 32 bytes (64 hex characters or base64) that seal the TOTP seeds at rest; unset: stored plain. */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || parseEncryptionKey(value) !== null, {
      error: 'must be 32 bytes, written as 64 hex characters or as base64',
    }),
})

export type Env = z.infer<typeof EnvSchema> & {
  APP_ORIGIN: string
  SECURE_COOKIES: boolean
  REQUIRE_STAFF_MFA: boolean
}

/** A 256-bit key from its hex or base64 spelling, or null when it is not exactly 32 bytes. */
export function parseEncryptionKey(value: string): Buffer | null {
  const trimmed = value.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : null
  return key?.length === 32 ? key : null
}

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment: ${problems.join('; ')}`)
  }
  const env = parsed.data
  cached = {
    ...env,
    APP_ORIGIN: env.APP_ORIGIN ?? `http://localhost:${env.PORT}`,
    SECURE_COOKIES: env.SECURE_COOKIES ?? env.NODE_ENV === 'production',
    REQUIRE_STAFF_MFA: env.REQUIRE_STAFF_MFA ?? env.NODE_ENV === 'production',
    TOTP_ENCRYPTION_KEY: env.TOTP_ENCRYPTION_KEY || undefined,
  }
  return cached
}

/** Tests change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined
}
