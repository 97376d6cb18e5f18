import { type LoaderFunctionArgs } from '@remix-run/node'
import { OutboxEmailParamsSchema } from '#app/domain/email/email.schema.ts'
import { getOutboxCalendarForAdmin } from '#app/domain/email/outbox-admin.server.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

/** The calendar file attached to one outbox email, as a download (resource route, audited). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = OutboxEmailParamsSchema.safeParse(params)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  const calendar = getOutboxCalendarForAdmin({
    emailId: parsed.data.emailId,
    actor: auditActorOf(user, context),
  })
  if (!calendar) throw new Response('Not found', { status: 404 })
  return new Response(calendar.content, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${calendar.filename}"`,
      // Names a patient's appointment: never cached (security goal D8).
      'Cache-Control': 'no-store',
    },
  })
}
