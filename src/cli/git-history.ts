import { streamGit } from './git.js'

/** The first commit of the ledger branch that did something other than append lines to ledger files. */
export interface HistoryViolation {
  commit: string
  /** The file it touched, when the violation is about one. */
  file: string | null
  message: string
}

export interface HistoryResult {
  commits: number
  violation: HistoryViolation | null
}

const LEDGER_PATH = /^ledger\/[^/]+\.jsonl$/
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/
const COMMIT_MARK = '\u0001commit '

interface Hunk {
  oldStart: number
  oldCount: number
  newCount: number
  removed: string[]
  added: string[]
  /** A `\ No newline at end of file` followed the removed line (the old last line had no newline). */
  removedHadNoNewline: boolean
}

/**
 * Walks the whole history of the checked-out branch of `repoDir`, oldest first, and finds the first commit
 * that did anything but append whole lines at the end of `ledger/*.jsonl` files: removed or changed a line,
 * inserted one before the end, deleted, renamed or re-moded a file, touched another file, or merged. That
 * catches what the hash chain alone cannot: a removed last record leaves no gap in the chain, but it leaves
 * a commit that removed a line. The root commit may also create other files (a README).
 *
 * One `git log -p -U0` process streams every diff; the walk keeps only each ledger file's line count, so a
 * history of any length is checked in constant memory. A last line written without its newline may get it
 * from the next append (that commit shows the line as removed and re-added unchanged).
 */
export async function checkAppendOnly(repoDir: string, env: Record<string, string>): Promise<HistoryResult> {
  const walk = new HistoryWalk()
  await streamGit(
    [
      'log',
      '--reverse',
      // The branch's own line of commits: a merge shows up as itself, not as the side line it brought in.
      '--first-parent',
      '--root',
      '--no-renames',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      '-p',
      '-U0',
      '--format=%x01commit %H %P',
      'HEAD'
    ],
    env,
    repoDir,
    line => walk.push(line)
  )
  walk.finish()
  return { commits: walk.commits, violation: walk.violation }
}

/** The parser of `git log -p -U0` output behind `checkAppendOnly`; exported for its tests. */
export class HistoryWalk {
  commits = 0
  violation: HistoryViolation | null = null

  private readonly lineCounts = new Map<string, number>()
  private commit = ''
  private previousCommit: string | null = null
  private isRoot = false
  private file: string | null = null
  private fileIsLedger = false
  private inHunks = false
  private hunk: Hunk | null = null
  private lastAdded: 'removed' | 'added' | null = null

  /** Feeds one line; returns false once a violation was found (nothing more needs reading). */
  push(line: string): boolean {
    if (this.violation) return false
    if (line.startsWith(COMMIT_MARK)) {
      this.endFile()
      if (this.violation) return false
      this.startCommit(line.slice(COMMIT_MARK.length).trim().split(' '))
    } else if (line.startsWith('diff --git ')) {
      this.endFile()
      if (this.violation) return false
      this.startFile(line)
    } else if (
      this.inHunks &&
      this.hunk &&
      (line.startsWith('+') || line.startsWith('-') || line.startsWith('\\'))
    ) {
      this.hunkLine(this.hunk, line)
    } else if (line.startsWith('@@')) {
      this.endHunk()
      if (this.violation) return false
      this.startHunk(line)
    } else if (this.file !== null && !this.inHunks) {
      this.fileHeader(line)
    }
    return this.violation === null
  }

  finish(): void {
    if (!this.violation) this.endFile()
  }

  private fail(message: string, file: string | null = this.file): void {
    this.violation ??= { commit: this.commit, file, message }
  }

  private startCommit(fields: string[]): void {
    const [hash = '', ...parents] = fields.filter(f => f !== '')
    this.commit = hash
    this.commits += 1
    this.isRoot = parents.length === 0
    if (parents.length > 1)
      return this.fail('is a merge commit: the ledger branch is only ever fast-forwarded', null)
    if (this.isRoot && this.previousCommit !== null) return this.fail('is a second root commit', null)
    if (!this.isRoot && parents[0] !== this.previousCommit) {
      return this.fail('does not follow the previous commit: the history is not a single line', null)
    }
    this.previousCommit = hash
  }

  private startFile(line: string): void {
    // `diff --git a/<path> b/<path>`: without renames both paths are the same, so each is half the rest.
    const rest = line.slice('diff --git '.length)
    const half = (rest.length - 1) / 2
    const path = rest.startsWith('a/') && Number.isInteger(half) ? rest.slice(2, half) : rest
    this.file = path
    this.fileIsLedger = LEDGER_PATH.test(path)
    this.inHunks = false
    this.hunk = null
    if (!this.fileIsLedger && !this.isRoot) this.fail(`changed ${path}, which is not a ledger file`)
  }

  private fileHeader(line: string): void {
    if (!this.fileIsLedger) return
    const path = this.file as string
    if (line.startsWith('deleted file mode')) this.fail(`deleted ${path}`)
    else if (line.startsWith('old mode') || line.startsWith('new mode'))
      this.fail(`changed the mode of ${path}`)
    else if (line.startsWith('new file mode') && !/^new file mode 100(644|755)$/.test(line)) {
      this.fail(`created ${path} as something other than a regular file`)
    } else if (line.startsWith('Binary files')) this.fail(`wrote binary content to ${path}`)
  }

  private startHunk(line: string): void {
    this.inHunks = true
    if (!this.fileIsLedger) return
    const match = HUNK.exec(line)
    if (!match) return this.fail(`has a diff git did not describe as expected ("${line.slice(0, 40)}")`)
    this.hunk = {
      oldStart: Number(match[1]),
      oldCount: match[2] === undefined ? 1 : Number(match[2]),
      newCount: match[4] === undefined ? 1 : Number(match[4]),
      removed: [],
      added: [],
      removedHadNoNewline: false
    }
    this.lastAdded = null
  }

  private hunkLine(hunk: Hunk, line: string): void {
    if (line.startsWith('+')) {
      hunk.added.push(line.slice(1))
      this.lastAdded = 'added'
    } else if (line.startsWith('-')) {
      hunk.removed.push(line.slice(1))
      this.lastAdded = 'removed'
    } else if (this.lastAdded === 'removed') {
      hunk.removedHadNoNewline = true
    }
  }

  private endHunk(): void {
    const hunk = this.hunk
    this.hunk = null
    if (!hunk || !this.fileIsLedger) return
    const path = this.file as string
    const lines = this.lineCounts.get(path) ?? 0
    // -U0 numbers a pure insertion by the line it follows: appending to a file of n lines is `-n,0`.
    if (hunk.oldCount === 0 && hunk.oldStart === lines) {
      this.lineCounts.set(path, lines + hunk.newCount)
      return
    }
    const onlyNewlineAdded =
      hunk.oldCount === 1 &&
      hunk.oldStart === lines &&
      hunk.removedHadNoNewline &&
      hunk.newCount >= 1 &&
      hunk.removed[0] === hunk.added[0]
    if (onlyNewlineAdded) {
      this.lineCounts.set(path, lines - 1 + hunk.newCount)
      return
    }
    if (hunk.oldCount === 0) {
      return this.fail(
        `inserted ${plural(hunk.newCount, 'line')} after line ${hunk.oldStart} of ${path}, which had ${lines}`
      )
    }
    const span =
      hunk.oldCount === 1
        ? `line ${hunk.oldStart}`
        : `lines ${hunk.oldStart}-${hunk.oldStart + hunk.oldCount - 1}`
    this.fail(`${hunk.newCount === 0 ? 'removed' : 'changed'} ${span} of ${path}`)
  }

  private endFile(): void {
    this.endHunk()
    this.file = null
    this.fileIsLedger = false
    this.inHunks = false
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
