/**
 * The page's scripts start downloading after its first paint, not before
 * (docs/decisions/026-speed-pass-2.md). Every page works without JavaScript, so the text a
 * patient came for should not wait for React: on a slow mobile link the ~86 KB of React and
 * Remix shared the line with the page, and Lighthouse's simulation counted them into the first
 * paint whenever the browser asked for them before painting.
 *
 * Remix's `<Scripts>` renders `<link rel="modulepreload">` tags and one inline module script
 * whose imports load the app. On the server, `deferScripts` (entry.server.tsx) makes both inert:
 * the links get another `rel`, the module script another `type` and an id. In the browser,
 * `<StartDeferredScripts>` (rendered right after `<Scripts>`) waits for the first frame, then
 * restores the links and runs the module script's code as a new module script with the page's
 * nonce. That copy removes itself before React hydrates, so the document React hydrates is the
 * one the server rendered. If the HTML is not as expected, `deferScripts` leaves it alone and the
 * scripts load as before.
 */

const INERT_PRELOAD_REL = 'x-deferred-modulepreload'
const INERT_MODULE_TYPE = 'text/x-deferred-module'
const MODULE_ID = 'deferred-module'
const RUNNING_ID = 'deferred-module-run'
const STARTER_ID = 'deferred-scripts-starter'

const MODULE_SCRIPT = /<script([^>]*) type="module"([^>]*)>/g

/** The server side: the document with its preloads and module script made inert. */
export function deferScripts(html: string): string {
  const modules = html.match(MODULE_SCRIPT) ?? []
  // Exactly Remix's one module script, and our starter after it; otherwise change nothing.
  if (modules.length !== 1 || !html.includes(`id="${STARTER_ID}"`)) return html
  return html
    .replaceAll('<link rel="modulepreload"', `<link rel="${INERT_PRELOAD_REL}"`)
    .replace(MODULE_SCRIPT, `<script$1 type="${INERT_MODULE_TYPE}" id="${MODULE_ID}"$2>`)
}

/**
 * Runs once, after the first frame (or after 200 ms where frames are paused, as in a background
 * tab). Plain ES5 in a string: it runs before any bundle.
 */
const STARTER = `(function(){var started=false;function start(){if(started)return;started=true;
var links=document.querySelectorAll('link[rel="${INERT_PRELOAD_REL}"]');
for(var i=0;i<links.length;i++)links[i].rel="modulepreload";
var inert=document.getElementById("${MODULE_ID}");if(!inert)return;
var run=document.createElement("script");run.type="module";run.nonce=inert.nonce;run.id="${RUNNING_ID}";
run.textContent='document.getElementById("${RUNNING_ID}").remove();'+inert.textContent;
document.head.appendChild(run)}
requestAnimationFrame(function(){setTimeout(start,0)});setTimeout(start,200)})();`

/** The browser side: renders once with the document; later renders keep the same element. */
export function StartDeferredScripts({ nonce }: { nonce: string }) {
  return (
    <script
      id={STARTER_ID}
      nonce={nonce}
      suppressHydrationWarning
      // eslint-disable-next-line react/no-danger -- a constant of this module, never user input
      dangerouslySetInnerHTML={{ __html: STARTER }}
    />
  )
}
