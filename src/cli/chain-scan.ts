import { ChainVerifier, type ChainLink } from '../evidence/chain.js'
import type { EvidenceRecord } from '../evidence/record.js'
import { readLines, UnreadableLineError, type ByteRange, type LedgerFile } from './ledger-files.js'
import { asEvidenceRecord, checkRecordShape } from './record-shape.js'

/** The first thing wrong in a chain file: where it is and what was expected there. */
export interface ChainProblem {
  /** `ledger/production.jsonl` */
  file: string
  /** 1-based; null when the file as a whole is wrong (unreadable). */
  line: number | null
  field: string
  expected: string
  found: string
  /** One sentence, starting with what is wrong. */
  message: string
}

export interface ChainResult {
  environment: string
  file: string
  /** Records verified before the first problem (all of them when there is none). */
  records: number
  /** Lines read (up to the first problem, or all of them for a visitor that reads on). */
  lines: number
  tip: ChainLink | null
  problem: ChainProblem | null
}

/**
 * A part of a chain file verified on its own: the bytes of `range`, continuing the chain after `after`
 * (the record on the line just before the range). Line numbers then count from the range's first line.
 */
export interface ChainPart {
  range: ByteRange
  after: ChainLink | null
}

export interface ChainVisitor {
  /** Each verified record, in file order. */
  record?: (record: EvidenceRecord, line: number) => void
  /**
   * Given, reading goes on after the first problem and every later line comes here unverified (findings
   * still look at them); without it, reading stops at the first problem.
   */
  unverified?: (line: string, lineNo: number) => void
}

/**
 * Reads one environment's chain file a line at a time and verifies it with the shared ChainVerifier
 * (JSON, required fields, `schema`, `environment` = the file's, `seq`, `prev`, `id`), then checks each
 * record's field types (SPEC §5) so that the records handed on can be read without surprises.
 */
export async function scanChain(
  file: LedgerFile,
  visitor: ChainVisitor = {},
  part: ChainPart | null = null
): Promise<ChainResult> {
  const verifier = new ChainVerifier(file.environment, part?.after ?? null)
  let problem: ChainProblem | null = null
  let lineNo = 0
  try {
    for await (const line of readLines(file.path, part?.range ?? null)) {
      if (problem && !visitor.unverified) break
      lineNo += 1
      if (problem) {
        visitor.unverified?.(line, lineNo)
        continue
      }
      const parsed = verifier.push(line)
      if (parsed === null) {
        // Lines are pushed only until the first break, so a null here is that break, just kept.
        const broken = verifier.firstBreak!
        problem = {
          file: file.name,
          line: broken.line,
          field: broken.field,
          expected: broken.expected,
          found: broken.found,
          message: broken.reason
        }
        visitor.unverified?.(line, lineNo)
        continue
      }
      const shape = checkRecordShape(parsed)
      if (shape) {
        problem = {
          file: file.name,
          line: lineNo,
          ...shape,
          message: `field "${shape.field}" does not have the type SPEC §5 gives it`
        }
        visitor.unverified?.(line, lineNo)
        continue
      }
      visitor.record?.(asEvidenceRecord(parsed), lineNo)
    }
  } catch (error) {
    if (!(error instanceof UnreadableLineError)) throw error
    problem ??= {
      file: file.name,
      line: lineNo + 1,
      field: '(line)',
      expected: error.expected,
      found: error.found,
      message: error.message
    }
  }
  // A record that fails the type check is still part of an intact hash chain; it is not counted as read.
  const records =
    problem && problem.line !== null ? Math.min(verifier.count, problem.line - 1) : verifier.count
  return {
    environment: file.environment,
    file: file.name,
    records,
    lines: lineNo,
    tip: verifier.tip,
    problem
  }
}

/** `ledger/production.jsonl line 12: id is not the hash ... (field id: expected X, found Y)` */
export function describeProblem(problem: ChainProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file} line ${problem.line}`
  // An empty line (often a blank line an editor added at the end) would otherwise read "found )".
  const found = problem.found === '' && problem.field === '(line)' ? 'an empty line' : problem.found
  const detail =
    problem.expected === '' ? '' : ` (field ${problem.field}: expected ${problem.expected}, found ${found})`
  return `${where}: ${problem.message}${detail}`
}
