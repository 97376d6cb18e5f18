import { checkHealth } from '#app/domain/system/health.server.ts'

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function loader() {
  const report = checkHealth()
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
