import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, UpstreamError } from '../../src/errors.js'
import { parseRepository } from '../../src/github/facts.js'
import { startGitHubAdapter, type GitHubAdapterUnderTest } from '../support/github-adapter.js'
import { scenario, type Scenario } from '../support/github-scenario.js'

let running: GitHubAdapterUnderTest | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

async function adapter(s: Scenario): Promise<GitHubAdapterUnderTest> {
  running = await startGitHubAdapter(s)
  return running
}

describe('isAncestor', () => {
  it.each([
    ['an older commit of the same branch', 'old', 'new', true],
    ['the commit itself', 'new', 'new', true],
    ['a newer commit', 'new', 'old', false],
    ['a commit on a diverged branch', 'side', 'new', false]
  ] as const)('%s', async (_name, ancestor, descendant, expected) => {
    const s = scenario()
    const old = s.pullRequest({ author: 'alice' }).mergeSha as string
    s.branch('side')
    const side = s.commit({ branch: 'side', author: 'carol' })
    const latest = s.pullRequest({ author: 'alice' }).mergeSha as string
    const shas = { old, new: latest, side }
    const gh = await adapter(s)
    expect(await gh.facts.isAncestor(shas[ancestor], shas[descendant])).toBe(expected)
    // the same commit needs no request
    expect(gh.standIn.count()).toBe(ancestor === descendant ? 0 : 1)
  })

  it('an unknown commit is an upstream error, not false', async () => {
    const s = scenario()
    const gh = await adapter(s)
    await expect(gh.facts.isAncestor('d'.repeat(40), s.head())).rejects.toThrow(UpstreamError)
  })
})

describe('branchProtection', () => {
  type Setup = (s: Scenario) => void
  const cases: Array<[string, Setup, 'protected' | 'unprotected' | 'unknown', string[]]> = [
    [
      'a ruleset forbidding deletion and force pushes',
      s => s.ruleset({ branches: ['deploy-*'], rules: ['deletion', 'non_fast_forward'] }),
      'protected',
      ['rules']
    ],
    [
      'classic protection with its defaults',
      s => s.protectBranch('deploy-evidence'),
      'protected',
      ['rules', 'protection']
    ],
    [
      'classic protection that allows force pushes',
      s => s.protectBranch('deploy-evidence', { allowForcePushes: true }),
      'unprotected',
      ['rules', 'protection']
    ],
    [
      'a ruleset forbidding deletion plus classic protection forbidding force pushes',
      s => {
        s.ruleset({ branches: ['~ALL'], rules: ['deletion'] })
        s.protectBranch('deploy-evidence', { allowDeletions: true })
      },
      'protected',
      ['rules', 'protection']
    ],
    [
      'a ruleset for other branches only',
      s => s.ruleset({ branches: ['~DEFAULT_BRANCH'], rules: ['deletion', 'non_fast_forward'] }),
      'unprotected',
      ['rules', 'protection']
    ],
    ['no protection at all', () => {}, 'unprotected', ['rules', 'protection']],
    [
      'no protection, and no permission to read classic protection: the branch says it is unprotected',
      s => s.permissions({ administration: 'none' }),
      'unprotected',
      ['rules', 'protection', 'branch']
    ],
    [
      'classic protection that cannot be read: its settings are unknown',
      s => {
        s.protectBranch('deploy-evidence', { allowForcePushes: true })
        s.permissions({ administration: 'none' })
      },
      'unknown',
      ['rules', 'protection', 'branch']
    ],
    [
      'nothing readable at all',
      s => s.permissions({ administration: 'none', contents: 'none' }),
      'unknown',
      ['rules', 'protection', 'branch']
    ]
  ]

  it.each(cases)('%s → %s', async (_name, setup, expected, routes) => {
    const s = scenario()
    s.branch('deploy-evidence')
    setup(s)
    const gh = await adapter(s)
    expect(await gh.facts.branchProtection('acme/app', 'deploy-evidence')).toBe(expected)
    const names: Record<string, string> = {
      'GET /repos/{owner}/{repo}/rules/branches/{branch}': 'rules',
      'GET /repos/{owner}/{repo}/branches/{branch}/protection': 'protection',
      'GET /repos/{owner}/{repo}/branches/{branch}': 'branch'
    }
    expect(gh.standIn.requests.map(r => names[r.route] ?? r.route)).toEqual(routes)
  })

  it('a ledger branch that does not exist yet is unprotected', async () => {
    const s = scenario()
    const gh = await adapter(s)
    expect(await gh.facts.branchProtection('acme/app', 'deploy-evidence')).toBe('unprotected')
  })

  it('a server failure is not "unknown": it is an upstream error', async () => {
    const s = scenario()
    const gh = await adapter(s)
    gh.standIn.failAll({ status: 500 })
    await expect(gh.facts.branchProtection('acme/app', 'deploy-evidence')).rejects.toThrow(
      /GitHub answered HTTP 500/
    )
  })
})

describe('createIssue', () => {
  it('opens a labelled issue and returns its number and URL', async () => {
    const s = scenario()
    s.issue({ title: 'an earlier one' })
    const gh = await adapter(s)
    const created = await gh.issues.createIssue({
      title: 'Retrospective: emergency deploy of abc1234',
      body: 'Bypassed: `ci-failed`. Due 2024-06-04T09:00:00Z.',
      labels: ['deploy-gate', 'emergency-retrospective']
    })
    expect(created).toEqual({ number: 2, url: 'https://github.com/acme/app/issues/2' })
    expect(gh.standIn.data.issues.at(-1)).toMatchObject({
      number: 2,
      title: 'Retrospective: emergency deploy of abc1234',
      body: 'Bypassed: `ci-failed`. Due 2024-06-04T09:00:00Z.',
      labels: ['deploy-gate', 'emergency-retrospective']
    })
  })

  it('without issues: write, the error names that permission', async () => {
    const s = scenario()
    s.permissions({ issues: 'read' })
    const gh = await adapter(s)
    const error = await gh.issues.createIssue({ title: 't', body: 'b', labels: [] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect((error as Error).message).toMatch(/HTTP 403 to opening an issue in acme\/app: .*`issues: write`/)
  })
})

describe('parseRepository', () => {
  it.each([
    ['acme/app', { owner: 'acme', name: 'app' }],
    ['my-org/my.repo_name', { owner: 'my-org', name: 'my.repo_name' }],
    ['user_emu/repo', { owner: 'user_emu', name: 'repo' }]
  ])('%s', (input, expected) => {
    expect(parseRepository(input)).toEqual(expected)
  })

  it.each(['acme', 'acme/app/extra', '/app', 'acme/..', 'acme/a b', ''])(
    'rejects %j naming the value',
    input => {
      expect(() => parseRepository(input)).toThrow(ConfigError)
      expect(() => parseRepository(input)).toThrow(`Invalid repository '${input}'`)
    }
  )
})
