// The baseline: a bare node:http hello world (performance-goals.md section 1.3), served and
// measured exactly like the app, so the app's figures can be read as a ratio to it.
import http from 'node:http'

const port = Number(process.env.PORT)
const server = http.createServer((_request, response) => {
  response.end('hello world')
})
server.listen(port, '127.0.0.1', () => console.log(`hello world on ${port}`))
process.once('SIGTERM', () => server.close(() => process.exit(0)))
