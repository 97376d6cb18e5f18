import { type AppLoadContext, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import type * as z from 'zod'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type StaffUser } from '#app/domain/auth/sessions.server.ts'
import {
  isMissingChoice,
  RESOLUTION_FIELDS,
  type StrandedAnswer,
} from '#app/domain/clinic/admin.schema.ts'
import {
  type ChangeApplied,
  type NeedsConfirmation,
  type StaffActor,
} from '#app/domain/clinic/stranding.server.ts'
import { type StrandedPayload } from '#app/components/admin/stranded.ts'
import { requireRole } from './permissions.server.ts'

/** HTTP answers shared by the admin routes: who acted, the stranded-bookings 409, and PRG. */

export function staffActorOf(user: StaffUser, context: AppLoadContext): StaffActor {
  return { userId: user.id, ipAddress: context.clientIp, requestId: context.requestId }
}

/** The same person as an audit-log actor. */
export function auditActorOf(user: StaffUser, context: AppLoadContext): AuditActor {
  return { type: 'staff', id: user.id, ipAddress: context.clientIp, requestId: context.requestId }
}

/** The route param did not parse or names nothing: a real 404 page. */
export function notFound(message = 'We could not find that.') {
  return data({ message }, { status: 404, statusText: 'Not Found' })
}

/** A route param (or all of them) read with its schema; anything else is notFound(message). */
export function parseOrNotFound<S extends z.ZodType>(
  schema: S,
  value: unknown,
  message: string,
): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw notFound(message)
  return parsed.data
}

/**
 * The guard of an admin page about one record (a practitioner, a service): an admin, the URL's
 * params read with their schema (else a 404 with this message), and that admin as the actor.
 */
export async function requireAdminRecord<S extends z.ZodType>(
  { request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>,
  paramsSchema: S,
  notFoundMessage: string,
): Promise<{ ids: z.output<S>; actor: StaffActor }> {
  const user = await requireRole(request, 'admin')
  const ids = parseOrNotFound(paramsSchema, params, notFoundMessage)
  return { ids, actor: staffActorOf(user, context) }
}

/**
 * 409 with the stranded bookings and everything the page needs to post the same change again
 * with the admin's choice (the posted fields, minus the previous answer).
 */
export function strandedResponse(
  result: NeedsConfirmation,
  values: Record<string, string | string[]>,
  answer: StrandedAnswer,
) {
  const resolutionFields: readonly string[] = RESOLUTION_FIELDS
  const echoed = Object.fromEntries(
    Object.entries(values).filter(([key]) => !resolutionFields.includes(key)),
  )
  const payload: StrandedPayload = {
    stranded: {
      timeZone: result.timeZone,
      listChanged: result.listChanged,
      choiceError:
        isMissingChoice(answer) && !result.listChanged
          ? 'Choose whether to keep or cancel these bookings.'
          : null,
      bookings: result.bookings,
      values: echoed,
      cancelReason: answer.reason ?? '',
    },
  }
  return data(payload, { status: 409 })
}

/** Post/Redirect/Get back to the page, saying what was saved and what happened to bookings. */
export function redirectSaved(path: string, saved: string, result?: ChangeApplied) {
  const params = new URLSearchParams({ saved })
  if (result?.keptBookingIds.length) params.set('kept', String(result.keptBookingIds.length))
  if (result?.cancelledBookingIds.length)
    params.set('cancelled', String(result.cancelledBookingIds.length))
  return redirect(`${path}?${params}`)
}
