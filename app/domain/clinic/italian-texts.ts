/**
 * The Italian words an admin writes for a service or a practitioner (service_texts,
 * practitioner_texts), read from the forms' optional fields. Client-safe.
 */

/** A service's words in Italian: null to remove them, undefined when the form did not send them. */
export type ServiceItalian = { name: string; description: string; downtime: string } | null
/** A practitioner's title and bio in Italian: null to remove them, undefined when not sent. */
export type PractitionerItalian = { title: string; bio: string | null } | null

export function italianServiceOf(
  name: string | undefined,
  description: string | undefined,
  downtime: string | undefined,
): ServiceItalian | undefined {
  if (name === undefined && description === undefined && downtime === undefined) return undefined
  return name && description && downtime ? { name, description, downtime } : null
}

export function italianProfileOf(
  title: string | undefined,
  bio: string | undefined,
): PractitionerItalian | undefined {
  if (title === undefined && bio === undefined) return undefined
  return title ? { title, bio: bio || null } : null
}
