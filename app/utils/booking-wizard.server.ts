import { type AppLoadContext, redirect } from '@remix-run/node'
import { type BookingActor } from '#app/domain/booking/booking-state.server.ts'
import { type DraftView, getDraftView } from '#app/domain/booking/wizard/draft-view.server.ts'
import {
  canEnterStep,
  firstIncompleteStep,
  stepsFor,
  type WizardStepId,
} from '#app/domain/booking/wizard/steps.ts'
import { ChooseServiceSchema, SlotChoiceSchema } from '#app/domain/booking/booking.schema.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { type WizardSummaryFacts } from '#app/components/booking/wizard-page.tsx'
import { formatAppointment, formatPrice } from './format.ts'
import { parseForm } from './forms.server.ts'
import { getPatientSessionFromRequest } from './patient-session.server.ts'
import { requestLocale } from './request-locale.server.ts'
import { serviceNameIn } from '#app/domain/clinic/clinic.server.ts'
import { type Locale } from '#app/i18n/locales.ts'

export type WizardContext = {
  session: PatientSession
  draft: DraftView
  steps: { id: WizardStepId; label: string; path: string; complete: boolean }[]
  /** What the booking so far is, for the summary beside the steps on a wide screen. */
  summary: WizardSummaryFacts
  /** The page's language. */
  locale: Locale
}

/**
 * The wizard's guard: a patient may be on a step only when every earlier step is done; otherwise
 * they go to the first unfinished one (a tampered or bookmarked URL cannot skip screening, time or
 * email proof). Without a draft they start at the treatment list.
 */
export async function requireWizardStep(
  request: Request,
  stepId: WizardStepId,
): Promise<WizardContext> {
  const session = await getPatientSessionFromRequest(request)
  const draft = getDraftView(session)
  const locale = await requestLocale(request)
  if (!session || !draft) throw redirect('/book')
  if (draft.progress.isBooked && stepId !== 'confirmation') throw redirect('/book/confirmation')
  if (!canEnterStep(stepId, draft.progress))
    throw redirect(firstIncompleteStep(draft.progress).path)
  return {
    session,
    draft,
    steps: stepsFor(draft.progress).map((step) => ({
      id: step.id,
      label: step.label,
      path: step.path,
      complete: step.isComplete(draft.progress),
    })),
    summary: summaryOf(draft, locale),
    locale,
  }
}

function summaryOf(draft: DraftView, locale: Locale): WizardSummaryFacts {
  return {
    treatment: serviceNameIn(draft.service.id, locale) ?? draft.service.name,
    price: formatPrice(draft.service.priceCents, locale),
    practitioner: draft.hold?.practitionerName ?? null,
    when: draft.hold
      ? formatAppointment(draft.hold.startAt, draft.hold.endAt, draft.timeZone, locale)
      : null,
  }
}

/**
 * The treatment list's form (one button per treatment), read on the server. /book validates
 * nothing in the browser, so reading it here keeps zod out of the page's scripts: with code
 * splitting esbuild loads a shared chunk for every route that imports it, used or not.
 */
export function readServiceChoice(request: Request) {
  return parseForm(request, ChooseServiceSchema)
}

/** The time step's choice, read on the server for the same reason (/book/time is the budgeted page). */
export function readSlotChoice(request: Request) {
  return parseForm(request, SlotChoiceSchema)
}

/** The patient as an actor for booking events and audit rows. */
export function patientActor(context: AppLoadContext): BookingActor {
  return { type: 'patient', ipAddress: context.clientIp, requestId: context.requestId }
}
