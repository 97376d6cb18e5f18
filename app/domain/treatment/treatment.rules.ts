import { type TreatmentArea } from './treatment.schema.ts'

/**
 * A recorded depth may never exceed the service's maximum or the practitioner's (product.md
 * section 4). Returns one message per offending area, keyed like the form field.
 */
export function depthLimitProblems(
  areas: { area: TreatmentArea; depthUm: number }[],
  limits: { serviceMaxUm: number | null; practitionerMaxUm: number },
): Record<string, string> {
  const problems: Record<string, string> = {}
  const serviceMax = limits.serviceMaxUm ?? 0
  for (const { area, depthUm } of areas) {
    if (depthUm > limits.practitionerMaxUm) {
      problems[`depth_${area}`] = `Above your limit of ${formatMm(limits.practitionerMaxUm)}.`
    } else if (depthUm > serviceMax) {
      problems[`depth_${area}`] = `Above this service's limit of ${formatMm(serviceMax)}.`
    }
  }
  return problems
}

function formatMm(um: number): string {
  return `${(um / 1000).toFixed(2).replace(/0$/, '')} mm`
}

/** "Session 2 of 3", "Single visit", or a maintenance session after the course. */
export function coursePosition(input: { courseSessionNumber: number; courseSessions: number }): {
  label: string
  isLast: boolean
} {
  const { courseSessionNumber: n, courseSessions: total } = input
  if (total <= 1) return { label: n > 1 ? 'Repeat visit' : 'Single visit', isLast: true }
  if (n > total) return { label: `Maintenance (after a course of ${total})`, isLast: true }
  return { label: `Session ${n} of ${total}`, isLast: n >= total }
}
