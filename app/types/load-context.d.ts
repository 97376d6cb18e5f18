import '@remix-run/node'

declare module '@remix-run/node' {
  /** What the HTTP server (app/server/) hands every loader and action. */
  interface AppLoadContext {
    /** Per-response CSP nonce for every script tag (security goal D6). */
    cspNonce: string
    /** Also sent as X-Request-Id and written on every log line of the request. */
    requestId: string
    /** The client address, from X-Forwarded-For only when TRUST_PROXY is set. */
    clientIp: string
    /**
     * Set by an action that replaced the staff session (a new token after the second factor),
     * so that the loaders of the same document request (a form post without JavaScript) read
     * the new session: the browser's cookie still names the old, deleted one.
     */
    renewedSessionToken?: string
  }
}

declare module '@remix-run/server-runtime' {
  interface Future {
    v3_singleFetch: true
  }
}
