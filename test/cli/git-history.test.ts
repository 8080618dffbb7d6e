import { createHash } from 'node:crypto'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkFileVersions, HistoryWalk } from '../../src/cli/git-history.js'
import { createGitStore } from '../../src/evidence/git-store.js'
import { chainRecord } from '../../src/evidence/hash.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { aRecord, at, chain, jsonl, removeDir, runCli, sha, tempDir } from './support/ledger.js'
import { appendIn, bareRepo, commitAll, git, push, readIn, workTree, writeIn } from './support/git.js'

const BRANCH = 'deploy-evidence'
const FILE = 'ledger/production.jsonl'

/** `git log --raw -z` tokens as the walk reads them, for the parser's table. */
const Z = '0'.repeat(40)
function commit(hash: string, parents: string[], ...entries: string[][]): string[] {
  return [`\u0001commit ${hash} ${parents.join(' ')}`.trimEnd(), ...entries.flat()]
}
function raw(status: string, path: string, modes = '100644 100644', blob = 'b'.repeat(40)): string[] {
  return [`\n:${status === 'A' ? `000000 ${modes.split(' ')[1]}` : modes} ${Z} ${blob} ${status}`, path]
}

function walk(...commits: string[][]) {
  const w = new HistoryWalk()
  for (const token of commits.flat()) if (!w.push(token)) break
  return w
}

describe('HistoryWalk (the structure of the branch, from git log --raw -z)', () => {
  const root = commit('c1', [], raw('A', FILE), raw('A', 'README.md'))
  const cases: Array<{ name: string; commits: string[][]; violation: RegExp | null }> = [
    { name: 'a root commit that creates files', commits: [root], violation: null },
    {
      name: 'appends, a new environment file and an empty commit',
      commits: [
        root,
        commit('c2', ['c1'], raw('M', FILE)),
        commit('c3', ['c2'], raw('M', FILE), raw('A', 'ledger/staging.jsonl')),
        commit('c4', ['c3'])
      ],
      violation: null
    },
    {
      name: 'a deleted ledger file',
      commits: [root, commit('c2', ['c1'], raw('D', FILE))],
      violation: /^c2 deleted ledger\/production\.jsonl$/
    },
    {
      name: 'another file touched after the root commit',
      commits: [root, commit('c2', ['c1'], raw('M', 'README.md'))],
      violation: /^c2 changed README\.md, which is not a ledger file$/
    },
    {
      name: 'a mode change',
      commits: [root, commit('c2', ['c1'], raw('M', FILE, '100644 100755'))],
      violation: /changed the mode of ledger\/production\.jsonl/
    },
    {
      name: 'a type change',
      commits: [root, commit('c2', ['c1'], raw('T', FILE, '100644 120000'))],
      violation: /changed the type of ledger\/production\.jsonl/
    },
    {
      name: 'a ledger file created as a symbolic link',
      commits: [root, commit('c2', ['c1'], raw('A', 'ledger/x.jsonl', '000000 120000'))],
      violation: /created ledger\/x\.jsonl as something other than a regular file/
    },
    {
      name: 'a merge commit',
      commits: [root, commit('c2', ['c1']), commit('c3', ['c1', 'c2'])],
      violation: /^c3 is a merge commit/
    },
    {
      name: 'a commit that does not follow the previous one',
      commits: [root, commit('c2', ['c1']), commit('c3', ['c1'])],
      violation: /^c3 does not follow the previous commit/
    },
    {
      name: 'a file in a folder under ledger/',
      commits: [root, commit('c2', ['c1'], raw('A', 'ledger/x/y.jsonl'))],
      violation: /changed ledger\/x\/y\.jsonl, which is not a ledger file/
    }
  ]
  it.each(cases)('$name', ({ commits, violation }) => {
    const w = walk(...commits)
    const found = w.violation ? `${w.violation.commit} ${w.violation.message}` : null
    if (violation === null) expect(found).toBeNull()
    else expect(found).toMatch(violation)
  })

  it('collects each ledger file’s versions in commit order', () => {
    const w = walk(root, commit('c2', ['c1'], raw('M', FILE, undefined, 'c'.repeat(40))))
    expect(w.versions.get(FILE)).toEqual([
      { index: 0, commit: 'c1', blob: 'b'.repeat(40) },
      { index: 1, commit: 'c2', blob: 'c'.repeat(40) }
    ])
    expect(w.versions.has('README.md')).toBe(false)
  })
})

describe('checkFileVersions (each version a line-aligned prefix of the final one)', () => {
  let dir: string
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => removeDir(dir))

  const blobId = (text: string) =>
    createHash('sha1')
      .update(`blob ${Buffer.byteLength(text)}\0`)
      .update(text)
      .digest('hex')

  /** Checks the versions given as texts, in commit order; the last one is the final file. */
  async function check(...texts: string[]) {
    const versions = texts.map((text, i) => ({ index: i, commit: `c${i + 1}`, blob: blobId(text) }))
    const sizes = new Map(texts.map(t => [blobId(t), Buffer.byteLength(t)]))
    const finalPath = join(dir, 'final')
    writeFileSync(finalPath, texts[texts.length - 1] as string)
    const found = await checkFileVersions(FILE, versions, v => sizes.get(v.blob) ?? -1, finalPath)
    return found ? `${found.commit} ${found.message}` : null
  }

  it.each<[string, string[], RegExp | null]>([
    ['appends', ['a\n', 'a\nb\n', 'a\nb\nc\nd\n'], null],
    ['a last line written without its newline, completed by the next append', ['a\nb', 'a\nb\nc\n'], null],
    [
      'the last line removed',
      ['a\n', 'a\nb\n', 'a\n'],
      /^c3 removed lines of ledger\/production\.jsonl \(it went from 4 to 2 bytes\)$/
    ],
    [
      'a line changed in place (same size)',
      ['a\nb\n', 'a\nc\n'],
      /^c2 changed lines of ledger\/production\.jsonl/
    ],
    [
      'a line changed and one appended',
      ['a\nb\n', 'X\nb\nc\n'],
      /^c2 changed or removed lines of ledger\/production\.jsonl that commit c1 had written$/
    ],
    ['a line inserted before the end', ['a\nc\n', 'a\nb\nc\n'], /^c2 changed or removed lines/],
    [
      'a change that a later commit undid',
      ['a\n', 'X\nb\n', 'a\nb\nc\n'],
      /^c3 changed or removed lines .* that commit c2 had written$/
    ],
    [
      'an unfinished line completed',
      ['a\n{"x', 'a\n{"x":1}\n'],
      /^c2 changed the unfinished last line of ledger\/production\.jsonl that commit c1 had written$/
    ]
  ])('%s', async (_name, texts, violation) => {
    const found = await check(...texts)
    if (violation === null) expect(found).toBeNull()
    else expect(found).toMatch(violation)
  })
})

describe('deploy-gate verify --git', () => {
  let dir: string
  let remote: string
  beforeEach(() => {
    dir = tempDir()
    remote = bareRepo(dir)
  })
  afterEach(() => removeDir(dir))

  async function appendWithTheGitStore(entries: Array<[string, number]>): Promise<void> {
    const store = createGitStore(
      { remote: `file://${remote}`, branch: BRANCH, token: '' },
      { actor: 'deployer' },
      { setSecret: () => undefined, sleep: async () => undefined }
    )
    for (const [environment, hours] of entries) {
      await store.append(environment, view =>
        aRecord({
          environment,
          decidedAt: at(hours),
          sha: sha(`${environment}-${hours}`),
          previousSha: view.lastAllow?.sha ?? null
        })
      )
    }
  }

  it('accepts a ledger branch written by the project’s git store, and walks its whole history', async () => {
    await appendWithTheGitStore([
      ['production', 0],
      ['staging', 1],
      ['production', 2],
      ['production', 3]
    ])
    const run = await runCli(['verify', '--git', `file://${remote}`])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Ledger: branch ${BRANCH} of file://${remote}`)
    expect(run.stdout).toContain('"production": 3 records')
    expect(run.stdout).toContain('"staging": 1 record ')
    expect(run.stdout).toContain('ok      history: 4 commits, each only appended lines to ledger files')
  })

  it('catches a removed last record, which leaves the chain intact', async () => {
    await appendWithTheGitStore([
      ['production', 0],
      ['production', 1]
    ])
    const tree = workTree(dir, remote, BRANCH)
    const lines = readIn(tree, FILE).split('\n')
    writeIn(tree, FILE, `${lines[0]}\n`)
    commitAll(tree, 'tidy up')
    push(tree, BRANCH)
    const tampered = git(tree, 'rev-parse', 'HEAD').trim()

    const dirRun = await runCli(['verify', '--dir', tree])
    expect(dirRun.code).toBe(0) // the chain alone cannot show it

    const run = await runCli(['verify', '--git', remote, '--branch', BRANCH])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('ok      "production": 1 record ')
    expect(run.stdout).toContain(
      `BROKEN  history: commit ${tampered} removed lines of ledger/production.jsonl (it went from`
    )
  })

  it('catches an edited record both in the chain and in the history', async () => {
    await appendWithTheGitStore([
      ['production', 0],
      ['production', 1]
    ])
    const tree = workTree(dir, remote, BRANCH)
    writeIn(tree, FILE, readIn(tree, FILE).replace('"actor":"alice"', '"actor":"mallory"'))
    commitAll(tree, 'fix actor')
    push(tree, BRANCH)
    const run = await runCli(['verify', '--git', remote])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'BROKEN  "production": ledger/production.jsonl line 1: id is not the hash of the record'
    )
    const commits = git(tree, 'rev-list', '--reverse', 'HEAD').trim().split('\n')
    expect(run.stdout).toContain(
      `BROKEN  history: commit ${commits[2]} changed or removed lines of ledger/production.jsonl that commit ${commits[1]} had written`
    )
  })

  it('catches a commit that added another file, and a merge', async () => {
    await appendWithTheGitStore([['production', 0]])
    const tree = workTree(dir, remote, BRANCH)
    writeIn(tree, 'notes.txt', 'hello\n')
    commitAll(tree, 'notes')
    push(tree, BRANCH)
    let run = await runCli(['verify', '--git', remote])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/history: commit [0-9a-f]{40} changed notes\.txt, which is not a ledger file/)

    git(tree, 'reset', '--quiet', '--hard', 'HEAD~1')
    git(tree, 'checkout', '--quiet', '-b', 'side')
    const first = JSON.parse(readIn(tree, FILE).trim()) as EvidenceRecord
    appendIn(
      tree,
      FILE,
      jsonl([chainRecord(aRecord({ decidedAt: at(5) }), { id: first.id, seq: first.seq })])
    )
    commitAll(tree, 'side')
    git(tree, 'checkout', '--quiet', BRANCH)
    git(tree, 'commit', '--quiet', '--allow-empty', '-m', 'main')
    git(tree, 'merge', '--quiet', '--no-ff', '--no-edit', 'side')
    push(tree, BRANCH, true)
    run = await runCli(['verify', '--git', remote])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('ok      "production": 2 records')
    expect(run.stdout).toMatch(/history: commit [0-9a-f]{40} is a merge commit/)
  })

  it('accepts a hand-made ledger branch with a README in its first commit and appends by hand', async () => {
    const records = chain([
      aRecord({ decidedAt: at(0) }),
      aRecord({ decidedAt: at(1) }),
      aRecord({ decidedAt: at(2) })
    ])
    const tree = workTree(dir, remote, 'evidence')
    writeIn(tree, 'README.md', 'Deploy evidence. Append only.\n')
    writeIn(tree, FILE, jsonl([records[0]]))
    commitAll(tree, 'start the ledger')
    git(tree, 'commit', '--quiet', '--allow-empty', '-m', 'nothing')
    appendIn(tree, FILE, jsonl([records[1], records[2]]))
    commitAll(tree, 'two deploys')
    push(tree, 'evidence')
    const run = await runCli(['verify', '--git', remote, '--branch', 'evidence'])
    expect(run.stdout).toContain('ok      history: 3 commits')
    expect(run.code).toBe(0)
  })

  it('fails (exit 1) with git’s reason when the branch does not exist, without credentials in the message', async () => {
    const run = await runCli(['verify', '--git', remote, '--branch', 'nope'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/cannot clone branch nope of .*evidence\.git: .*nope/i)

    const secret = await runCli(['verify', '--git', 'http://auditor:s3cr3t-t0ken@127.0.0.1:9/evidence.git'])
    expect(secret.code).toBe(1)
    expect(secret.stderr).toContain('cannot clone branch deploy-evidence of http://127.0.0.1:9/evidence.git')
    expect(secret.stderr).not.toContain('s3cr3t-t0ken')
  })

  it('says which branch has no ledger/ folder', async () => {
    const tree = workTree(dir, remote, 'other')
    writeIn(tree, 'README.md', 'not a ledger\n')
    commitAll(tree, 'readme')
    push(tree, 'other')
    const run = await runCli(['verify', '--git', remote, '--branch', 'other'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`no ledger/ folder in branch other of ${remote}`)
  })

  it('refuses a branch name git would not accept, as a usage error', async () => {
    const run = await runCli(['verify', '--git', remote, '--branch', 'a..b'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--branch: "a..b" is not a valid branch name')
  })

  it('removes its temporary clone', async () => {
    await appendWithTheGitStore([['production', 0]])
    const tmp = tempDir('deploy-gate-cli-tmp-')
    const run = await runCli(['verify', '--git', remote], { TMPDIR: tmp })
    expect(run.code).toBe(0)
    expect(readdirSync(tmp)).toEqual([])
    removeDir(tmp)
  })
})
