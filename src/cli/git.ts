import { spawn } from 'node:child_process'

export interface GitFailure {
  exitCode: number | null
  stderr: string
}

/**
 * Environment for the git CLI: never prompt (an auditor's script must not hang on a password prompt; use a
 * credential helper or SSH), messages in English, and, when `isolated`, none of the user's configuration,
 * so that the output parsed below has one format whatever `diff.noprefix` or `log.showSignature` say.
 */
export function gitEnv(
  base: Readonly<Record<string, string | undefined>>,
  isolated: boolean
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value
  env.GIT_TERMINAL_PROMPT = '0'
  env.LC_ALL = 'C'
  if (isolated) {
    env.GIT_CONFIG_NOSYSTEM = '1'
    env.GIT_CONFIG_GLOBAL = '/dev/null'
  }
  return env
}

/** Runs git to completion; resolves with stdout, or rejects with exit code and stderr. */
export function runGit(
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
  input?: string
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    child.stdin.on('error', () => undefined)
    child.stdin.end(input ?? '')
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', error => reject(Object.assign(error, { exitCode: null, stderr: error.message })))
    child.on('close', code => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'))
      else
        reject(
          Object.assign(new Error(`git exited with ${code}`), {
            exitCode: code,
            stderr: Buffer.concat(err).toString('utf8')
          })
        )
    })
  })
}

/** A git URL as it may be shown: no user name or password (where tokens hide in https URLs). */
export function redactGitUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1')
}

/** git's stderr, without any credentials of `url` it may echo, trimmed to its last lines. */
export function gitMessage(stderr: string, url: string): string {
  let text = stderr
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(url)?.[1]
  if (userinfo) {
    text = text.split(url).join(redactGitUrl(url)).split(userinfo).join('***')
    for (const part of userinfo.split(':')) if (part.length >= 4) text = text.split(part).join('***')
  }
  const lines = text
    .trim()
    .split('\n')
    .filter(l => l.trim() !== '')
  return lines.slice(-3).join(' / ') || 'no message from git'
}
