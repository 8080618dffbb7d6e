import { readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HistoryWalk } from '../../src/cli/git-history.js'
import { createGitStore } from '../../src/evidence/git-store.js'
import { chainRecord } from '../../src/evidence/hash.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { aRecord, at, chain, jsonl, removeDir, runCli, sha, tempDir } from './support/ledger.js'
import { appendIn, bareRepo, commitAll, git, push, readIn, workTree, writeIn } from './support/git.js'

const BRANCH = 'deploy-evidence'
const FILE = 'ledger/production.jsonl'

/** `git log -p -U0` output as the walk reads it, for the parser's table. */
function commit(hash: string, parents: string[], ...files: string[]): string[] {
  return [`\u0001commit ${hash} ${parents.join(' ')}`.trimEnd(), '', ...files.flatMap(f => f.split('\n'))]
}
function fileDiff(path: string, header: string[], hunks: string[]): string {
  return [`diff --git a/${path} b/${path}`, ...header, `--- a/${path}`, `+++ b/${path}`, ...hunks].join('\n')
}
const newFile = (path: string, lines: string[]) =>
  fileDiff(
    path,
    ['new file mode 100644', 'index 0000000..1111111'],
    [`@@ -0,0 +1,${lines.length} @@`, ...lines.map(l => `+${l}`)]
  )

function walk(...commits: string[][]) {
  const w = new HistoryWalk()
  for (const line of commits.flat()) if (!w.push(line)) break
  w.finish()
  return w
}

describe('HistoryWalk (the parser of git log -p -U0)', () => {
  const root = commit('c1', [], newFile(FILE, ['r1']), newFile('README.md', ['the ledger']))
  const cases: Array<{ name: string; commits: string[][]; violation: RegExp | null }> = [
    { name: 'a root commit that creates files', commits: [root], violation: null },
    {
      name: 'appends, and a new environment file',
      commits: [
        root,
        commit('c2', ['c1'], fileDiff(FILE, ['index 1..2 100644'], ['@@ -1,0 +2 @@', '+r2'])),
        commit(
          'c3',
          ['c2'],
          fileDiff(FILE, ['index 2..3 100644'], ['@@ -2,0 +3,2 @@', '+r3', '+r4']),
          newFile('ledger/staging.jsonl', ['s1'])
        )
      ],
      violation: null
    },
    {
      name: 'the next append completing a last line written without its newline',
      commits: [
        commit('c1', [], newFile(FILE, ['r1', 'r2']).replace('+r2', '+r2\n\\ No newline at end of file')),
        commit(
          'c2',
          ['c1'],
          fileDiff(FILE, [], ['@@ -2 +2,2 @@', '-r2', '\\ No newline at end of file', '+r2', '+r3'])
        )
      ],
      violation: null
    },
    {
      name: 'a removed last line',
      commits: [root, commit('c2', ['c1'], fileDiff(FILE, [], ['@@ -1 +0,0 @@', '-r1']))],
      violation: /^c2 removed line 1 of ledger\/production\.jsonl$/
    },
    {
      name: 'a changed line',
      commits: [root, commit('c2', ['c1'], fileDiff(FILE, [], ['@@ -1 +1 @@', '-r1', '+R1']))],
      violation: /changed line 1 of ledger\/production\.jsonl/
    },
    {
      name: 'a line inserted before the end',
      commits: [
        commit('c1', [], newFile(FILE, ['r1', 'r3'])),
        commit('c2', ['c1'], fileDiff(FILE, [], ['@@ -1,0 +2 @@', '+r2']))
      ],
      violation: /inserted 1 line after line 1 of ledger\/production\.jsonl, which had 2/
    },
    {
      name: 'a deleted ledger file',
      commits: [
        root,
        commit('c2', ['c1'], fileDiff(FILE, ['deleted file mode 100644'], ['@@ -1 +0,0 @@', '-r1']))
      ],
      violation: /deleted ledger\/production\.jsonl/
    },
    {
      name: 'another file touched after the root commit',
      commits: [
        root,
        commit('c2', ['c1'], fileDiff('README.md', [], ['@@ -1 +1 @@', '-the ledger', '+hello']))
      ],
      violation: /changed README\.md, which is not a ledger file/
    },
    {
      name: 'a mode change',
      commits: [
        root,
        commit(
          'c2',
          ['c1'],
          [`diff --git a/${FILE} b/${FILE}`, 'old mode 100644', 'new mode 100755'].join('\n')
        )
      ],
      violation: /changed the mode of ledger\/production\.jsonl/
    },
    {
      name: 'a ledger file created as a symbolic link',
      commits: [
        root,
        commit(
          'c2',
          ['c1'],
          newFile('ledger/x.jsonl', ['r']).replace('new file mode 100644', 'new file mode 120000')
        )
      ],
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
      commits: [root, commit('c2', ['c1'], newFile('ledger/x/y.jsonl', ['r']))],
      violation: /changed ledger\/x\/y\.jsonl, which is not a ledger file/
    }
  ]
  it.each(cases)('$name', ({ commits, violation }) => {
    const w = walk(...commits)
    const found = w.violation ? `${w.violation.commit} ${w.violation.message}` : null
    if (violation === null) expect(found).toBeNull()
    else expect(found).toMatch(violation)
    expect(w.commits).toBeGreaterThan(0)
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
      `BROKEN  history: commit ${tampered} removed line 2 of ledger/production.jsonl`
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
    expect(run.stdout).toMatch(
      /BROKEN {2}history: commit [0-9a-f]{40} changed line 1 of ledger\/production\.jsonl/
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
    appendIn(tree, FILE, jsonl([records[1], records[2]]))
    commitAll(tree, 'two deploys')
    push(tree, 'evidence')
    const run = await runCli(['verify', '--git', remote, '--branch', 'evidence'])
    expect(run.stdout).toContain('ok      history: 2 commits')
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
