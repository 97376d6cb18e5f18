import { data } from '@remix-run/node'
import { CLINICAL_ROLES, type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { requireStaffUser } from './auth.server.ts'

/**
 * Deny by default (goal C1): every staff loader and action calls this itself. Given several
 * roles, any one of them is enough. A layout's guard does not protect its children, because
 * child loaders and actions run on their own.
 */
export async function requireRole(
  request: Request,
  role: StaffRole | readonly StaffRole[],
): Promise<StaffUser> {
  const user = await requireStaffUser(request)
  const allowed: readonly StaffRole[] = typeof role === 'string' ? [role] : role
  if (!allowed.some((r) => user.roles.includes(r))) {
    throw data(
      { message: `This page is for staff with the ${allowed.join(' or ')} role.` },
      { status: 403, statusText: 'Forbidden' },
    )
  }
  return user
}

/**
 * The guard of clinical pages: health answers, screening findings and decisions, consent text
 * and PDF, treatment records (docs/decisions/041). Only clinicians; reception and admin-only
 * staff get a 403. Pages every member of staff may open (agenda, search, chart, the appointment
 * and check-in) use requireStaffUser and ask the domain for the view the viewer's roles allow.
 */
export function requireClinicalRole(request: Request): Promise<StaffUser> {
  return requireRole(request, CLINICAL_ROLES)
}
