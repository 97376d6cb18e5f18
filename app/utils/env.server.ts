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
  /** The public address used in links inside emails and calendar files. */
  APP_ORIGIN: z.url().optional(),
  /** When set, mail goes out through this SMTP server; otherwise it stays in the outbox table. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Dermadesk Clinic <no-reply@dermadesk.local>'),
  /** Seed the demo clinic into an empty database at start. */
  SEED_DEMO: BooleanFromEnv.default(true),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of the app. */
  TRUST_PROXY: BooleanFromEnv.default(false),
  /** Secure, __Host- prefixed session cookie. Defaults to on in production. */
  SECURE_COOKIES: BooleanFromEnv.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run the in-process scheduler that sends mail and reminders (off for some test servers). */
  SCHEDULER: BooleanFromEnv.default(true),
  /** How often the scheduler looks for due work, in ms (the end-to-end tests use 500). */
  SCHEDULER_TICK_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
})

export type Env = z.infer<typeof EnvSchema> & { APP_ORIGIN: string; SECURE_COOKIES: boolean }

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
  }
  return cached
}

/** Tests change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined
}
