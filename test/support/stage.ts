/**
 * A stage for end-to-end runs: a GitHub stand-in serving a scenario, optionally a Jira stand-in, a ledger
 * (a `file` store folder, or a bare git repository reached by a file:// URL), and `run()` that starts the
 * bundled action as the runner would. Shared by the e2e tests, the demo and the benchmark (no vitest).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.js'
import type { Scenario } from './github-scenario.js'
import { runAction, type ActionRun } from './run-action.js'

export interface StageOptions {
  /** `file` (default): a folder; `git`: a bare repository as evidence-remote (file:// URL). */
  store?: 'file' | 'git'
  environment?: string
  /** Serve the GitHub stand-in in the GitHub Enterprise Server layout (/api/v3, /api/graphql). */
  ghes?: boolean
}

export interface Stage {
  github: GitHubStandIn
  /** The `evidence-dir` (file store) or the bare repository (git store). */
  ledgerPath: string
  environment: string
  run(
    inputs?: Record<string, string | number | boolean>,
    env?: Record<string, string | undefined>,
    options?: { node?: string }
  ): Promise<ActionRun>
  /** The environment's ledger records as written (read from the folder or the bare repository's branch). */
  records(environment?: string): EvidenceRecord[]
  close(): Promise<void>
}

export async function stage(s: Scenario, options: StageOptions = {}): Promise<Stage> {
  const github = await startGitHubStandIn(s, { ghes: options.ghes ?? false })
  const store = options.store ?? 'file'
  const environment = options.environment ?? 'production'
  const root = mkdtempSync(join(tmpdir(), 'deploy-gate-stage-'))
  const ledgerPath = join(root, store === 'file' ? 'evidence' : 'evidence.git')
  if (store === 'git') execFileSync('git', ['init', '--quiet', '--bare', ledgerPath])
  else mkdirSync(ledgerPath)

  const storeInputs: Record<string, string> =
    store === 'file'
      ? { 'evidence-store': 'file', 'evidence-dir': ledgerPath }
      : { 'evidence-store': 'git', 'evidence-remote': pathToFileURL(ledgerPath).href }

  return {
    github,
    ledgerPath,
    environment,
    run(inputs = {}, env = {}, runOptions = {}) {
      return runAction({
        ...runOptions,
        inputs: {
          environment,
          'github-token': github.token,
          sha: s.head(),
          'ticket-source': 'none',
          'upload-artifact': 'false',
          ...storeInputs,
          ...inputs
        },
        env: {
          GITHUB_API_URL: github.url,
          GITHUB_GRAPHQL_URL: github.graphqlUrl,
          GITHUB_REPOSITORY: `${s.data.owner}/${s.data.name}`,
          GITHUB_SERVER_URL: s.data.serverUrl,
          ...env
        }
      })
    },
    records(env = environment) {
      const file = `ledger/${encodeURIComponent(env)}.jsonl`
      let text = ''
      if (store === 'file') {
        const path = join(ledgerPath, file)
        text = existsSync(path) ? readFileSync(path, 'utf8') : ''
      } else {
        try {
          text = execFileSync('git', ['--git-dir', ledgerPath, 'show', `deploy-evidence:${file}`], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore']
          })
        } catch {
          text = ''
        }
      }
      return text
        .split('\n')
        .filter(line => line !== '')
        .map(line => JSON.parse(line) as EvidenceRecord)
    },
    async close() {
      await github.close()
      rmSync(root, { recursive: true, force: true })
    }
  }
}

/** The JSON array outputs (`reasons`, `warnings`) of a run. */
export function codes(run: ActionRun, output: 'reasons' | 'warnings'): string[] {
  return JSON.parse(run.outputs[output] ?? 'null') as string[]
}
