import * as z from 'zod'
import { RecordIdSchema } from '#app/domain/consent/consent.schema.ts'
import { TREATMENT_AREAS } from '#app/domain/treatment/treatment.schema.ts'
import { PHOTO_VIEWS } from './photo.constants.ts'

/**
 * What the compare page and its PDF read from the URL (`?area=cheeks&view=front&from=…&to=…`):
 * one schema for the page's GET form and both loaders. Every field is optional: the page falls
 * back to the first area and view with photos and to the usual pair, so a stale or hand-edited
 * link still shows something sensible instead of an error.
 */
export const photoCompareQuerySchema = z.object({
  area: z.enum(TREATMENT_AREAS).optional().catch(undefined),
  view: z.enum(PHOTO_VIEWS).optional().catch(undefined),
  from: RecordIdSchema.optional().catch(undefined),
  to: RecordIdSchema.optional().catch(undefined),
})
export type PhotoCompareQuery = z.infer<typeof photoCompareQuerySchema>

/** Reads the query of a request URL (unknown or malformed values are dropped). */
export function parsePhotoCompareQuery(url: string | URL): PhotoCompareQuery {
  const params = new URL(url).searchParams
  return photoCompareQuerySchema.parse({
    area: params.get('area') ?? undefined,
    view: params.get('view') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  })
}
