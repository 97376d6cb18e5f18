import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { signOut } from '#app/domain/auth/auth.server.ts'
import { readSessionToken, serializeExpiredSessionCookie } from '#app/utils/auth.server.ts'

// Signing out changes state, so it is POST only; a GET just goes home.
export async function loader() {
  return redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = await readSessionToken(request)
  if (token) signOut(token, { ipAddress: context.clientIp, requestId: context.requestId })
  return redirect('/login', { headers: { 'Set-Cookie': await serializeExpiredSessionCookie() } })
}
