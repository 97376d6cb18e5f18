import { type LoaderFunctionArgs } from '@remix-run/node'
import { myDataFileResponse } from '#app/utils/my-data-download.server.ts'

/** The patient's data as JSON (docs/my-data-format.md), audited. */
export function loader(args: LoaderFunctionArgs) {
  return myDataFileResponse(args, 'json')
}
