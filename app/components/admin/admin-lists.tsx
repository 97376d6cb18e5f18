import { Link } from '@remix-run/react'

/** The first cell of a practitioner's row: the name (a link to their page) over their title. */
export function PractitionerRowHeader({
  practitioner,
}: {
  practitioner: { id: string; displayName: string; title: string }
}) {
  return (
    <th scope="row">
      <Link to={`/admin/practitioners/${practitioner.id}`}>{practitioner.displayName}</Link>
      <br />
      <span className="muted">{practitioner.title}</span>
    </th>
  )
}

export function credentialLabel(credential: string): string {
  return credential === 'medical' ? 'Medical' : 'Aesthetic'
}

/** Whether a practitioner or a service is offered to patients. */
export function ActiveBadge({ active }: { active: boolean }) {
  return active ? (
    <span className="badge badge--ok">Active</span>
  ) : (
    <span className="badge badge--neutral">Inactive</span>
  )
}
