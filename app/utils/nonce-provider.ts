import { createContext, useContext } from 'react'

/** The per-response CSP nonce, for every <script> React renders (security goal D6). */
export const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
