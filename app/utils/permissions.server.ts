import { data } from '@remix-run/node'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import { requireStaffUser } from './auth.server.ts'

/**
 * Deny by default (goal C1): every staff loader and action calls this itself. A layout's guard
 * does not protect its children, because child loaders and actions run on their own.
 */
export async function requireRole(request: Request, role: StaffRole): Promise<StaffUser> {
  const user = await requireStaffUser(request)
  if (!user.roles.includes(role)) {
    throw data(
      { message: `This page is for staff with the ${role} role.` },
      { status: 403, statusText: 'Forbidden' },
    )
  }
  return user
}
