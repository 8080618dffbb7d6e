/** A local stand-in for GitHub's `GET /repos/{owner}/{repo}/issues/{number}`, on 127.0.0.1. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface IssueStandIn {
  /** e.g. http://127.0.0.1:PORT (plus the prefix, e.g. /api/v3) */
  apiUrl: string
  /** The web URL of an issue on this "server". */
  issueUrl(owner: string, repo: string, number: number): string
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>
  close(): Promise<void>
}

/** `answers` by `owner/repo#number`: a body, a status, or a list of them for successive requests. */
export type IssueAnswer = { status: number; body?: unknown }

export async function startIssueStandIn(
  answers: Record<string, IssueAnswer | IssueAnswer[]>,
  prefix = ''
): Promise<IssueStandIn> {
  const requests: IssueStandIn['requests'] = []
  const served = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    const path = req.url ?? ''
    requests.push({ path, headers: req.headers })
    const match = new RegExp(`^${prefix}/repos/([^/]+)/([^/]+)/issues/(\\d+)$`).exec(path)
    const key = match ? `${match[1]}/${match[2]}#${match[3]}` : ''
    const entry = answers[key]
    const n = served.get(key) ?? 0
    served.set(key, n + 1)
    const answer = Array.isArray(entry) ? (entry[Math.min(n, entry.length - 1)] as IssueAnswer) : entry
    const status = answer?.status ?? 404
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(answer?.body ?? { message: 'Not Found' }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiUrl: `http://127.0.0.1:${port}${prefix}`,
    issueUrl: (owner, repo, number) => `http://127.0.0.1:${port}/${owner}/${repo}/issues/${number}`,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

export function anIssue(state: 'open' | 'closed', closedAt: string | null = null): IssueAnswer {
  return { status: 200, body: { number: 1, state, closed_at: closedAt, title: 'Retrospective' } }
}
