/**
 * What the command line touches of the process: its output streams and environment. Passed in, so
 * tests run `main()` in-process and read what it printed.
 */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
}

export function processIo(): CliIo {
  // `deploy-gate export … | head`: a reader that stops early is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  }
  return {
    stdout: text => {
      process.stdout.write(text)
    },
    stderr: text => {
      process.stderr.write(text)
    },
    env: process.env
  }
}

/** A mistake in the command line: the message names the argument. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
