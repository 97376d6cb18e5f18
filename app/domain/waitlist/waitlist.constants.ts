/** The parts of a clinic day a waitlisted patient can ask for (clinic-local start times). */
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const
export type TimeOfDay = (typeof TIMES_OF_DAY)[number]

/**
 * An entry: `pending` until the patient confirms the address from the email (staff entries start
 * `active`), `accepted` once one of its offers was taken up, `removed` by staff.
 */
export const WAITLIST_ENTRY_STATUSES = ['pending', 'active', 'accepted', 'removed'] as const
export type WaitlistEntryStatus = (typeof WAITLIST_ENTRY_STATUSES)[number]

/** An offer: open while its hold lasts; then accepted, lapsed, or withdrawn (entry removed). */
export const WAITLIST_OFFER_STATUSES = ['offered', 'accepted', 'lapsed', 'withdrawn'] as const
export type WaitlistOfferStatus = (typeof WAITLIST_OFFER_STATUSES)[number]

export const WAITLIST_SOURCES = ['online', 'staff'] as const
