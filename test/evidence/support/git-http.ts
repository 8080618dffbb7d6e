/**
 * A git smart-HTTP server on 127.0.0.1 for the ledger tests: `git http-backend` behind a Node http
 * server that demands `Authorization: Basic base64(x-access-token:<token>)`, the way GitHub accepts an
 * installation token. It records the Authorization headers it was sent.
 */
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHttpServer {
  url: string
  /** Authorization header values received, in order. */
  authorizations: string[]
  close(): Promise<void>
}

export async function startGitHttpServer(projectRoot: string, token: string): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
  const authorizations: string[] = []
  const server: Server = createServer((req, res) => {
    const auth = req.headers.authorization
    if (auth !== undefined) authorizations.push(auth)
    if (auth === undefined || auth.toLowerCase() !== expected.toLowerCase()) {
      req.resume()
      res.writeHead(401, { 'www-authenticate': 'Basic realm="ledger"' }).end('unauthorized')
      return
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? '')
      }
    })
    req.pipe(child.stdin)
    let buffered = Buffer.alloc(0)
    let headersDone = false
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk)
        return
      }
      buffered = Buffer.concat([buffered, chunk])
      const end = buffered.indexOf('\r\n\r\n')
      if (end < 0) return
      headersDone = true
      let status = 200
      for (const line of buffered.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':')
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
        else res.setHeader(name, value)
      }
      res.writeHead(status)
      res.write(buffered.subarray(end + 4))
    })
    child.stdout.on('end', () => res.end())
    child.on('error', () => res.writeHead(500).end())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}
