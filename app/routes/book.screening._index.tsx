import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { nextStep } from '#app/domain/booking/wizard/steps.ts'
import { requireWizardStep } from '#app/utils/booking-wizard.server.ts'

// The screening step's address: the questions until they are answered, then the result (which
// explains a "not eligible" and offers a consultation). A consultation has no health questions.
export async function loader({ request }: LoaderFunctionArgs) {
  const { draft } = await requireWizardStep(request, 'screening')
  if (!draft.progress.needsScreening) throw redirect(nextStep('screening', draft.progress).path)
  throw redirect(draft.screening ? '/book/screening/result' : '/book/screening/questions')
}

// Never rendered (the loader always redirects); a component keeps client-side links to this
// address (the step list links "Health questions" here) ordinary navigations.
export default function BookScreeningRoute() {
  return null
}
