import { createHash, randomBytes } from 'node:crypto'
import { type Tx } from '#db/client.server.ts'
import { clinicSettings } from '#db/schema/index.ts'

// What joining (waitlist.server.ts) and offering (waitlist-offers.server.ts) share: the emailed
// links' tokens, of which only hashes are stored, and the clinic's contact for the emails.

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

export function clinicForEmail(tx: Tx) {
  const clinic = tx
    .select({
      name: clinicSettings.name,
      phone: clinicSettings.phone,
      email: clinicSettings.email,
      address: clinicSettings.address,
    })
    .from(clinicSettings)
    .get()
  if (!clinic) throw new Error('The clinic has no settings row')
  return clinic
}
