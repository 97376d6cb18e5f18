import { type LoaderFunctionArgs } from '@remix-run/node'
import { myDataFileResponse } from '#app/utils/my-data-download.server.ts'

/** The patient's data as a readable PDF, in the page's language, audited. */
export function loader(args: LoaderFunctionArgs) {
  return myDataFileResponse(args, 'pdf')
}
