import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LedgerIntegrityError, UpstreamError } from '../../src/errors.js'
import { ChainVerifier } from '../../src/evidence/chain.js'
import {
  commitIdentity,
  createGitStore,
  gitEnvironment,
  type GitRunner,
  type GitStoreDeps
} from '../../src/evidence/git-store.js'
import { computeRecordId } from '../../src/evidence/hash.js'
import type { LedgerView } from '../../src/evidence/ledger.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { sha } from '../support/builders.js'
import { runWriters } from '../../scripts/bench-ledger.js'
import {
  bareRepo,
  branchExists,
  fileUrl,
  git,
  history,
  readAtTip,
  removeDir,
  rewriteFile,
  tempDir,
  tipOf
} from './support/git.js'
import { startGitHttpServer } from './support/git-http.js'
import { anUnchainedRecord, foreignLedger, independentId } from './support/records.js'

const BRANCH = 'deploy-evidence'
const FILE = 'ledger/production.jsonl'

let root: string
let remote: string

beforeEach(() => {
  root = tempDir()
  remote = bareRepo(root)
})
afterEach(() => removeDir(root))

function store(
  overrides: Partial<{ remote: string; token: string; branch: string }> = {},
  deps: GitStoreDeps = {}
) {
  return createGitStore(
    { remote: fileUrl(remote), branch: BRANCH, token: '', ...overrides },
    { actor: 'octo-cat' },
    { setSecret: () => undefined, sleep: async () => undefined, ...deps }
  )
}

/** Appends records whose sha is `sha(label)` and decision as given, like deploys would. */
async function appendDeploys(
  s: ReturnType<typeof store>,
  deploys: Array<{ label: string; decision?: 'allow' | 'block' }>,
  environment = 'production'
): Promise<EvidenceRecord[]> {
  const out: EvidenceRecord[] = []
  for (const d of deploys) {
    const { record } = await s.append(environment, view =>
      anUnchainedRecord({
        environment,
        sha: sha(d.label),
        decision: d.decision ?? 'allow',
        reasons: d.decision === 'block' ? ['insufficient-approvals'] : [],
        previousSha: view.lastAllow?.sha ?? null,
        range: view.lastAllow ? 'incremental' : 'initial'
      })
    )
    out.push(record)
  }
  return out
}

function linesAtTip(environment = 'production'): string[] {
  const text = readAtTip(remote, BRANCH, `ledger/${encodeURIComponent(environment)}.jsonl`)
  expect(text.endsWith('\n')).toBe(true)
  return text.slice(0, -1).split('\n')
}

describe('git store: appending', () => {
  it('creates the ledger branch as an orphan on the first append, with one commit adding one line', async () => {
    expect(branchExists(remote, BRANCH)).toBe(false)
    const { record, attempts, commit } = await store().append('production', () => anUnchainedRecord())

    expect(attempts).toBe(1)
    expect(record).toMatchObject({ seq: 1, prev: null, environment: 'production' })
    expect(record.id).toBe(independentId(record as unknown as Record<string, unknown>))
    const [only, ...older] = history(remote, BRANCH)
    expect(older).toEqual([])
    expect(only).toMatchObject({
      sha: commit,
      parents: [],
      author: 'octo-cat <octo-cat@users.noreply.github.com>'
    })
    expect(only!.changes).toEqual([[1, 0, FILE]])
    expect(only!.subject).toBe(`deploy-gate: allow ${sha('deployed')} to production (seq 1)`)
    expect(linesAtTip()).toEqual([JSON.stringify(record)])
    // Nothing but the ledger on the branch: no application files, no checkout needed.
    expect(git(remote, 'ls-tree', '-r', '--name-only', BRANCH).trim()).toBe(FILE)
  })

  it('makes every append exactly one fast-forward commit that adds exactly one line', async () => {
    const s = store()
    const records = await appendDeploys(s, [
      { label: 'a' },
      { label: 'b', decision: 'block' },
      { label: 'c' }
    ])

    const commits = history(remote, BRANCH)
    expect(commits).toHaveLength(3)
    for (const [i, c] of commits.entries()) {
      expect(c.changes).toEqual([[1, 0, FILE]])
      expect(c.parents).toEqual(i === commits.length - 1 ? [] : [commits[i + 1]!.sha])
    }
    expect(records.map(r => [r.seq, r.prev])).toEqual([
      [1, null],
      [2, records[0]!.id],
      [3, records[1]!.id]
    ])
    expect(linesAtTip()).toEqual(records.map(r => JSON.stringify(r)))
  })

  it('reads back what it appended: count, tip, the last allow and every allowed sha', async () => {
    const s = store()
    expect(await s.read('production')).toMatchObject({ records: 0, tip: null, lastAllow: null })
    const records = await appendDeploys(s, [
      { label: 'v1' },
      { label: 'v2' },
      { label: 'v3', decision: 'block' }
    ])
    const view = await s.read('production')
    expect(view.records).toBe(3)
    expect(view.tip).toEqual({ id: records[2]!.id, seq: 3 })
    expect(view.lastAllow?.id).toBe(records[1]!.id)
    expect([...view.allowedShas].sort()).toEqual([sha('v1'), sha('v2')].sort())
  })

  it('loads and verifies the chain once for a read and the append after it, again only after another write', async () => {
    await appendDeploys(store(), [{ label: 'v1' }, { label: 'v2' }])
    const loads: string[] = []
    const counting: GitRunner = async (args, options) => {
      if (args.includes('cat-file')) loads.push(args.join(' '))
      return defaultGit(args, options)
    }
    const s = store({}, { runGit: counting })
    await s.read('production')
    await appendDeploys(s, [{ label: 'v3' }])
    expect(loads).toHaveLength(1)

    // Another writer moves the branch: the next append loads and verifies what it wrote.
    await appendDeploys(store(), [{ label: 'v4' }])
    const [record] = await appendDeploys(s, [{ label: 'v5' }])
    expect(loads).toHaveLength(2)
    expect(record!.seq).toBe(5)
    const verifier = new ChainVerifier('production')
    for (const line of linesAtTip()) verifier.push(line)
    expect(verifier.firstBreak).toBeNull()
  })

  it('keeps one chain per environment, in percent-encoded files', async () => {
    const s = store()
    const environment = 'prod eu/west #1'
    await appendDeploys(s, [{ label: 'x' }, { label: 'y' }], environment)
    await appendDeploys(s, [{ label: 'z' }], 'staging')

    const files = git(remote, 'ls-tree', '-r', '--name-only', BRANCH).trim().split('\n').sort()
    expect(files).toEqual(['ledger/prod%20eu%2Fwest%20%231.jsonl', 'ledger/staging.jsonl'])
    expect((await s.read(environment)).records).toBe(2)
    expect((await s.read('staging')).tip?.seq).toBe(1)
    expect((await s.read('production')).records).toBe(0)
  })

  it('refuses to put a record of another environment into a chain, and pushes nothing', async () => {
    const s = store()
    await appendDeploys(s, [{ label: 'a' }])
    const tip = tipOf(remote, BRANCH)
    await expect(s.append('production', () => anUnchainedRecord({ environment: 'staging' }))).rejects.toThrow(
      /environment "staging" cannot be appended to "production"/
    )
    expect(tipOf(remote, BRANCH)).toBe(tip)
  })

  it('works with a plain path as the remote', async () => {
    const s = store({ remote })
    const [record] = await appendDeploys(s, [{ label: 'a' }])
    expect((await s.read('production')).tip).toEqual({ id: record!.id, seq: 1 })
  })
})

describe('git store: concurrent writers', () => {
  it('re-reads, re-chains and retries when another writer pushed first', async () => {
    const other = store()
    let injected = false
    // Another deploy lands between this writer's fetch and its push.
    const racing: GitRunner = async (args, options) => {
      if (args.includes('push') && !injected) {
        injected = true
        await appendDeploys(other, [{ label: 'other' }])
      }
      return defaultGit(args, options)
    }
    const views: LedgerView[] = []
    const sleeps: number[] = []
    const s = store({}, { runGit: racing, random: () => 0.5, sleep: async ms => void sleeps.push(ms) })
    await appendDeploys(other, [{ label: 'first' }])

    const { record, attempts } = await s.append('production', view => {
      views.push(view)
      return anUnchainedRecord({ sha: sha('mine') })
    })

    expect(attempts).toBe(2)
    expect(views.map(v => v.tip?.seq)).toEqual([1, 2])
    expect(sleeps).toHaveLength(1)
    const lines = linesAtTip()
    expect(lines).toHaveLength(3)
    const second = JSON.parse(lines[1]!) as EvidenceRecord
    expect(second.sha).toBe(sha('other'))
    expect(record).toMatchObject({ seq: 3, prev: second.id, sha: sha('mine') })
    expect(history(remote, BRANCH).every(c => c.changes.length === 1 && c.changes[0]![0] === 1)).toBe(true)
  })

  it('gives up after a bounded number of rejected pushes, with jittered growing backoff, and names the cause', async () => {
    const other = store()
    const racing: GitRunner = async (args, options) => {
      if (args.includes('push')) await appendDeploys(other, [{ label: `other ${Math.random()}` }])
      return defaultGit(args, options)
    }
    const sleeps: number[] = []
    const randoms = [0, 1, 0.5, 0.25]
    const s = store(
      {},
      {
        runGit: racing,
        maxAttempts: 4,
        baseDelayMs: 100,
        maxDelayMs: 300,
        random: () => randoms.shift() ?? 0,
        sleep: async ms => void sleeps.push(ms)
      }
    )
    const error = await s.append('production', () => anUnchainedRecord()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect((error as UpstreamError).service).toBe('ledger')
    expect((error as Error).message).toMatch(/rejected 4 times by concurrent writers/)
    expect((error as Error).message).toMatch(/fetch first|non-fast-forward|rejected/)
    // Retry n waits between a quarter and all of min(max, base * 2^(n-1)).
    expect(sleeps).toEqual([25, 200, 188])
    // Only the other writer's records are in the ledger.
    expect(linesAtTip().map(l => (JSON.parse(l) as EvidenceRecord).sha)).not.toContain(sha('deployed'))
  })

  const lostAnswers: Array<{ name: string; landed: boolean; attempts: number }> = [
    {
      name: 'a push that landed although its answer was lost is not appended again',
      landed: true,
      attempts: 1
    },
    { name: 'a push that failed in transit is retried', landed: false, attempts: 2 }
  ]
  for (const c of lostAnswers) {
    it(c.name, async () => {
      let failed = false
      const flaky: GitRunner = async (args, options) => {
        if (!args.includes('push') || failed) return defaultGit(args, options)
        failed = true
        if (c.landed) await defaultGit(args, options)
        return { exitCode: 128, stdout: '', stderr: 'fatal: the remote end hung up unexpectedly\n' }
      }
      let built = 0
      const { record, attempts } = await store({}, { runGit: flaky }).append('production', () => {
        built += 1
        return anUnchainedRecord()
      })
      expect(failed).toBe(true)
      expect(attempts).toBe(c.attempts)
      expect(built).toBe(c.landed ? 1 : 2)
      expect(record.seq).toBe(1)
      expect(linesAtTip()).toEqual([JSON.stringify(record)])
      expect(history(remote, BRANCH)).toHaveLength(1)
    })
  }

  it('8 writer processes at once end with exactly 8 records, seq 1..8, links intact, none lost or duplicated', async () => {
    const markers = Array.from({ length: 8 }, (_, i) => `writer-${i + 1}`)
    const reports = await runWriters(
      markers.map(marker => [
        '--store',
        'git',
        '--target',
        fileUrl(remote),
        '--environment',
        'production',
        '--marker',
        marker
      ])
    )

    const lines = linesAtTip()
    expect(lines).toHaveLength(8)
    const verifier = new ChainVerifier('production')
    const records = lines.map(l => verifier.push(l) as unknown as EvidenceRecord)
    expect(verifier.firstBreak).toBeNull()
    expect(records.map(r => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(records.map(r => r.run.id).sort()).toEqual([...markers].sort())
    // What each writer reported is what the ledger holds at that position.
    for (const r of reports) expect(records[r.seq - 1]).toMatchObject({ id: r.id, run: { id: r.marker } })
    // They really contended: somebody had to retry.
    expect(reports.some(r => r.attempts > 1)).toBe(true)
    const commits = history(remote, BRANCH)
    expect(commits).toHaveLength(8)
    expect(
      commits.every(c => c.parents.length <= 1 && c.changes.length === 1 && c.changes[0]![0] === 1)
    ).toBe(true)
  })
})

describe('git store: a broken ledger is never extended', () => {
  const tampering: Array<{ name: string; edit: (lines: string[]) => string[]; line: number; field: RegExp }> =
    [
      {
        name: 'an edited record',
        edit: lines =>
          lines.map((l, i) => (i === 1 ? l.replace('"decision":"block"', '"decision":"allow"') : l)),
        line: 2,
        field: /id is not the hash/
      },
      {
        name: 'an edited record whose id was recomputed',
        edit: lines =>
          lines.map((l, i) => {
            if (i !== 1) return l
            const r = JSON.parse(l) as Record<string, unknown>
            r.decision = 'allow'
            return JSON.stringify({ ...r, id: computeRecordId(r) })
          }),
        line: 3,
        field: /prev does not link/
      },
      {
        name: 'a deleted record',
        edit: lines => lines.filter((_, i) => i !== 1),
        line: 2,
        field: /seq does not continue/
      },
      {
        name: 'the first record deleted',
        edit: lines => lines.slice(1),
        line: 1,
        field: /seq does not continue/
      },
      {
        name: 'two records reordered',
        edit: lines => [lines[0]!, lines[2]!, lines[1]!, lines[3]!],
        line: 2,
        field: /seq does not continue/
      },
      {
        name: 'an inserted, correctly hashed record',
        edit: lines => {
          const first = JSON.parse(lines[0]!) as EvidenceRecord
          const forged: Record<string, unknown> = {
            ...anUnchainedRecord({ sha: sha('forged') }),
            prev: first.id,
            seq: 2
          }
          forged.id = computeRecordId(forged)
          return [lines[0]!, JSON.stringify(forged), ...lines.slice(1)]
        },
        line: 3,
        field: /seq does not continue/
      },
      {
        name: 'a line that is not JSON',
        edit: lines => [...lines, '{"schema":'],
        line: 5,
        field: /not valid JSON/
      }
    ]

  for (const t of tampering) {
    it(`detects ${t.name} before the next append, names file, line and field, and pushes nothing`, async () => {
      const s = store()
      await appendDeploys(s, [
        { label: 'a' },
        { label: 'b', decision: 'block' },
        { label: 'c' },
        { label: 'd' }
      ])
      rewriteFile(remote, BRANCH, FILE, text => `${t.edit(text.slice(0, -1).split('\n')).join('\n')}\n`)
      const tampered = tipOf(remote, BRANCH)

      const readError = await s.read('production').catch((e: unknown) => e)
      expect(readError).toBeInstanceOf(LedgerIntegrityError)
      const message = (readError as Error).message
      expect(message).toContain(`${FILE} on branch ${BRANCH}`)
      expect(message).toContain(`line ${t.line}:`)
      expect(message).toMatch(t.field)
      expect(message).toMatch(/expected .+, found .+/)

      let built = 0
      const appendError = await s
        .append('production', () => {
          built += 1
          return anUnchainedRecord()
        })
        .catch((e: unknown) => e)
      expect(appendError).toBeInstanceOf(LedgerIntegrityError)
      expect(built).toBe(0)
      expect(tipOf(remote, BRANCH)).toBe(tampered)
    })
  }

  it('refuses a ledger file that is not a regular file', async () => {
    await appendDeploys(store(), [{ label: 'a' }])
    const work = tempDir()
    try {
      git(work, 'clone', '--quiet', '--branch', BRANCH, remote, 'w')
      const dir = join(work, 'w')
      git(dir, 'rm', '--quiet', FILE)
      git(dir, 'commit', '--quiet', '-m', 'replace the ledger by a link')
      const link = git(dir, 'hash-object', '-w', '--stdin').trim()
      git(dir, 'update-index', '--add', '--cacheinfo', `120000,${link},${FILE}`)
      git(dir, 'commit', '--quiet', '-m', 'link')
      git(dir, 'push', '--quiet', 'origin', BRANCH)
    } finally {
      removeDir(work)
    }
    await expect(store().read('production')).rejects.toThrow(/not a regular file/)
  })
})

describe('git store: ledgers written by another implementation', () => {
  it('reads and extends a chain with other key order, spacing, escapes and extra fields, leaving it intact', async () => {
    const foreign = foreignLedger('production', 3)
    rewriteFile(remote, BRANCH, FILE, () => foreign.text)
    const s = store()

    const view = await s.read('production')
    expect(view.records).toBe(3)
    expect(view.tip).toEqual({ id: foreign.ids[2], seq: 3 })
    expect(view.lastAllow?.sha).toBe(sha('foreign deployed 3'))

    const { record } = await s.append('production', v =>
      anUnchainedRecord({ previousSha: v.lastAllow?.sha ?? null, range: 'incremental' })
    )
    expect(record).toMatchObject({ seq: 4, prev: foreign.ids[2], previousSha: sha('foreign deployed 3') })
    const text = readAtTip(remote, BRANCH, FILE)
    expect(text.startsWith(foreign.text)).toBe(true)
    expect(text.slice(foreign.text.length)).toBe(`${JSON.stringify(record)}\n`)
    expect(history(remote, BRANCH)[0]!.changes).toEqual([[1, 0, FILE]])
    expect((await s.read('production')).records).toBe(4)
  })

  it('extends a chain whose last line has no newline by ending that line first', async () => {
    const foreign = foreignLedger('production', 2)
    rewriteFile(remote, BRANCH, FILE, () => foreign.text.slice(0, -1))
    const { record } = await store().append('production', () => anUnchainedRecord())
    expect(readAtTip(remote, BRANCH, FILE)).toBe(`${foreign.text}${JSON.stringify(record)}\n`)
    expect(record.seq).toBe(3)
  })
})

describe('git store: reaching the remote', () => {
  it('treats a missing ledger branch as an empty ledger, also when the repository has other branches', async () => {
    expect(await store().read('production')).toMatchObject({ records: 0, tip: null })
    rewriteFile(remote, 'main', 'README.md', () => 'app\n')
    expect(await store().read('production')).toMatchObject({ records: 0, tip: null })
    await store().append('production', () => anUnchainedRecord())
    expect(git(remote, 'ls-tree', '-r', '--name-only', 'main').trim()).toBe('README.md')
  })

  it('reports an unreachable remote as an upstream error of the ledger, not as an empty ledger', async () => {
    const missing = join(root, 'no-such-repo.git')
    for (const target of [missing, fileUrl(missing)]) {
      const error = await store({ remote: target })
        .read('production')
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UpstreamError)
      expect((error as UpstreamError).service).toBe('ledger')
      expect((error as Error).message).toMatch(
        /cannot read the ledger branch deploy-evidence of .*no-such-repo\.git/
      )
      expect((error as Error).message).toMatch(/does not appear to be a git repository/)
    }
  })

  it('rejects an invalid branch name before touching the remote', async () => {
    await expect(store({ branch: 'bad..name' }).read('production')).rejects.toThrow(/not a valid branch name/)
  })
})

describe('git store: the token', () => {
  const TOKEN = 'ghs_s3cretT0kenThatMustNeverBeSeen0123456789'
  const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')

  it('pushes over HTTP with the token as a basic-auth header, never in the URL', async () => {
    const server = await startGitHttpServer(root, TOKEN)
    try {
      const secrets: string[] = []
      const s = store(
        { remote: `${server.url}/evidence.git`, token: TOKEN },
        { setSecret: v => void secrets.push(v) }
      )
      const { record } = await s.append('production', () => anUnchainedRecord())
      expect((await s.read('production')).tip).toEqual({ id: record.id, seq: 1 })
      expect(linesAtTip()).toEqual([JSON.stringify(record)])
      expect(server.authorizations.length).toBeGreaterThan(0)
      expect(new Set(server.authorizations.map(a => a.toLowerCase()))).toEqual(
        new Set([`basic ${BASIC}`.toLowerCase()])
      )
      expect(secrets).toEqual(expect.arrayContaining([TOKEN, BASIC]))
    } finally {
      await server.close()
    }
  })

  it('fails fast on a refused token, and neither the token nor its header shows in the error or the output', async () => {
    const server = await startGitHttpServer(root, 'another-token')
    const output = captureOutput()
    let error: unknown
    try {
      const s = store({ remote: `${server.url}/evidence.git`, token: TOKEN })
      error = await s.append('production', () => anUnchainedRecord()).catch((e: unknown) => e)
    } finally {
      output.restore()
      await server.close()
    }
    expect(error).toBeInstanceOf(UpstreamError)
    const message = (error as Error).message
    expect(message).toMatch(/cannot read the ledger branch/)
    expect(message).toMatch(/The evidence token was refused: it needs read and push access/)
    // One fetch: a refused credential is not retried.
    expect(server.authorizations).toHaveLength(1)
    for (const text of [message, (error as Error).stack ?? '', output.text()]) {
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(BASIC)
    }
  })

  it('names a closed port without revealing the token, including one given in the URL', async () => {
    const port = await closedPort()
    const output = captureOutput()
    let errors: unknown[]
    try {
      errors = await Promise.all(
        [
          `http://127.0.0.1:${port}/acme/shop.git`,
          `http://x-access-token:${TOKEN}@127.0.0.1:${port}/acme/shop.git`
        ].map(url =>
          store({ remote: url, token: TOKEN }, { maxTransportAttempts: 2 })
            .read('production')
            .catch((e: unknown) => e)
        )
      )
    } finally {
      output.restore()
    }
    for (const error of errors) {
      expect(error).toBeInstanceOf(UpstreamError)
      const message = (error as Error).message
      expect(message).toContain(`127.0.0.1:${port}`)
      expect(message).toMatch(/Failed to connect|Couldn't connect|Connection refused/i)
      expect(message).not.toContain(TOKEN)
      expect(message).not.toContain(BASIC)
    }
    expect(output.text()).not.toContain(TOKEN)
  })

  it('keeps the token off every git command line', async () => {
    const seen: string[][] = []
    const spy: GitRunner = async (args, options) => {
      seen.push([...args])
      return defaultGit(args, options)
    }
    await store({ token: TOKEN }, { runGit: spy }).append('production', () => anUnchainedRecord())
    expect(seen.length).toBeGreaterThan(5)
    for (const args of seen) expect(args.join(' ')).not.toMatch(new RegExp(`${TOKEN}|${BASIC}|extraheader`))
  })
})

describe('git store: environment and identity', () => {
  it('drops variables that redirect git, trace its requests or inject config, and passes its own config', () => {
    const env = gitEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        GIT_DIR: '/work/app/.git',
        GIT_TRACE_CURL: '1',
        GIT_CURL_VERBOSE: '1',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.proxy',
        GIT_CONFIG_VALUE_0: 'http://evil.test',
        GIT_CONFIG_PARAMETERS: "'core.sshCommand=evil'",
        GIT_SSL_CAINFO: '/etc/ssl/corp.pem',
        GIT_SSH_COMMAND: 'ssh -i key'
      },
      'AUTHORIZATION: basic eC1hY2Nlc3M='
    )
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GIT_SSL_CAINFO: '/etc/ssl/corp.pem',
      GIT_SSH_COMMAND: 'ssh -i key',
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C'
    })
    for (const dropped of ['GIT_DIR', 'GIT_TRACE_CURL', 'GIT_CURL_VERBOSE', 'GIT_CONFIG_PARAMETERS']) {
      expect(env).not.toHaveProperty(dropped)
    }
    const config = Array.from({ length: Number(env.GIT_CONFIG_COUNT) }, (_, i) => [
      env[`GIT_CONFIG_KEY_${i}`],
      env[`GIT_CONFIG_VALUE_${i}`]
    ])
    expect(config).toContainEqual(['http.extraheader', ''])
    expect(config).toContainEqual(['http.extraheader', 'AUTHORIZATION: basic eC1hY2Nlc3M='])
    expect(config).toContainEqual(['credential.helper', ''])
    expect(config).not.toContainEqual(['http.proxy', 'http://evil.test'])
    // The reset comes before the header, so only this header is sent.
    expect(config.findIndex(([k, v]) => k === 'http.extraheader' && v === '')).toBeLessThan(
      config.findIndex(([k, v]) => k === 'http.extraheader' && v !== '')
    )
  })

  it.each([
    ['octocat', 'octocat <octocat@users.noreply.github.com>'],
    ['dependabot[bot]', 'dependabot[bot] <dependabot[bot]@users.noreply.github.com>'],
    ['evil <root@x>\nname', 'evilroot@xname <evilroot@xname@users.noreply.github.com>'],
    ['', 'unknown-actor <unknown-actor@users.noreply.github.com>']
  ])('commits as %j', (actor, expected) => {
    const { name, email } = commitIdentity(actor)
    expect(`${name} <${email}>`).toBe(expected)
  })
})

// --- helpers ---------------------------------------------------------------------------------------------

/** The store's own runner, for wrappers that add a race or a spy around it. */
const defaultGit: GitRunner = (args, options) =>
  new Promise((resolve, reject) => {
    const child = spawn('git', [...args], { env: options.env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', code => resolve({ exitCode: code ?? 1, stdout, stderr }))
    child.stdin.on('error', () => undefined)
    if (options.input === undefined) child.stdin.end()
    else child.stdin.end(options.input)
  })

function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = []
  const out = process.stdout.write.bind(process.stdout)
  const err = process.stderr.write.bind(process.stderr)
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk))
    return true
  }
  process.stdout.write = capture
  process.stderr.write = capture
  return {
    text: () => chunks.join(''),
    restore: () => {
      process.stdout.write = out
      process.stderr.write = err
    }
  }
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}
