// `npm run staff:create -- --email you@your-clinic --role admin [--role clinician] [--name "…"]`
// Makes an invitation for a staff account and prints its one-time link (72 hours): how a new
// clinic gets its first admin, who then invites everyone else from Clinic settings → Staff.
// Run it on the server, with the same DATABASE_PATH (and APP_ORIGIN) as the app.
import { parseArgs } from 'node:util'
import { createStaffInvitation } from '#app/domain/auth/staff-invitations.server.ts'
import { InviteStaffSchema } from '#app/domain/auth/staff.schema.ts'
import { getDatabasePath, getDb } from '#db/client.server.ts'
import { ensureClinicSettings } from '#db/first-run.ts'
import { migrateDatabase } from '#db/migrate.ts'

const usage =
  'Usage: npm run staff:create -- --email you@your-clinic --role admin [--role clinician] [--name "Full Name"]'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string', multiple: true },
    name: { type: 'string' },
  },
})
const email = values.email ?? ''
const parsed = InviteStaffSchema.safeParse({
  email,
  roles: values.role ?? [],
  // Until they set their password, the account is named after its address.
  name:
    values.name ??
    email
      .split('@')[0]
      ?.replace(/[^\p{L}\p{M}' .-]+/gu, ' ')
      .trim(),
})
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${issue.path.join('.')}: ${issue.message}`)
  console.error(usage)
  process.exit(2)
}

const db = getDb()
migrateDatabase(db)
ensureClinicSettings(db)
const result = createStaffInvitation({
  ...parsed.data,
  inviter: null,
  now: new Date(),
  sendEmail: false,
})
if (!result.ok) {
  console.error(`${parsed.data.email} already has a staff account in ${getDatabasePath()}.`)
  process.exit(1)
}
console.log(
  [
    `Invitation for ${parsed.data.email} (${parsed.data.roles.join(' and ')}) in ${getDatabasePath()}.`,
    `Open this link to set the password (once, until ${result.expiresAt.toISOString()}):`,
    `  ${result.link}`,
  ].join('\n'),
)
db.$client.close()
