import { redirect } from '@remix-run/node'
import { TABLET_HOME } from '#app/domain/tablet/tablet.rules.ts'

/**
 * Where the tablet gate (app/server/tablet-gate.ts) sends a locked tablet's client-side
 * navigations and form posts to other pages: Remix turns this redirect into one its browser
 * code follows. Opened directly, it goes to the tablet's page as well.
 */
export function loader() {
  return redirect(TABLET_HOME)
}

export function action() {
  return redirect(TABLET_HOME)
}
