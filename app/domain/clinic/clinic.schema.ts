/** Practitioner credentials: medical (doctor, nurse) or aesthetic (beauty professional). */
export const CREDENTIALS = ['medical', 'aesthetic'] as const
export type Credential = (typeof CREDENTIALS)[number]

/**
 * Service tiers. Medical needling (1.0 mm and deeper) starts collagen repair and needs a medical
 * practitioner; cosmetic needling (at most 0.5 mm) only helps products absorb.
 */
export const SERVICE_TIERS = ['medical', 'cosmetic'] as const
export type ServiceTier = (typeof SERVICE_TIERS)[number]

/** A treatment needles the skin; a consultation does not (no screening, no consent, no depth). */
export const SERVICE_KINDS = ['treatment', 'consultation'] as const
export type ServiceKind = (typeof SERVICE_KINDS)[number]

export const AVAILABILITY_EXCEPTION_KINDS = ['time_off', 'extra_hours'] as const
export type AvailabilityExceptionKind = (typeof AVAILABILITY_EXCEPTION_KINDS)[number]

/** Cosmetic needling never goes deeper than this (docs/clinical-reference.md section 3.1). */
export const COSMETIC_MAX_DEPTH_UM = 500

/** Needle depths are stored in micrometres so that 0.25 mm steps stay exact integers. */
export function depthUmToMm(depthUm: number): string {
  return (depthUm / 1000).toFixed(2).replace(/0$/, '')
}
