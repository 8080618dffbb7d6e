import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INPUTS } from '../src/inputs.js'
import { OUTPUT_NAMES } from '../src/report/outputs.js'
import {
  ROOT,
  parseYamlSubset,
  readActionMetadata,
  readRepoFiles,
  updateReadme
} from '../scripts/readme-tables.mjs'

const ACTION_YML = readFileSync(join(ROOT, 'action.yml'), 'utf8')
const action = readActionMetadata(ACTION_YML)
const SPEC_PATH = join(ROOT, '..', 'shared', 'SPEC.md')

interface JsYaml {
  load(text: string, options: { schema: unknown }): unknown
  FAILSAFE_SCHEMA: unknown
}
/** js-yaml is only a transitive dev dependency: the reader is compared with it when it is there. */
const jsYaml = ((): JsYaml | null => {
  try {
    return createRequire(import.meta.url)('js-yaml') as JsYaml
  } catch {
    return null
  }
})()

/** The backticked names in the first column of the tables of one SPEC section. */
function specNames(spec: string, section: string, nextSection: string): string[] {
  const start = spec.indexOf(`\n## ${section}`)
  const end = spec.indexOf(`\n## ${nextSection}`, start + 1)
  if (start === -1 || end === -1) throw new Error(`SPEC.md has no section ${section}`)
  const names: string[] = []
  for (const line of spec.slice(start, end).split('\n')) {
    const first = /^\|([^|]*)\|/.exec(line)?.[1]
    if (first) names.push(...[...first.matchAll(/`([a-z-]+)`/g)].map(m => m[1]!))
  }
  return names
}

describe('action.yml', () => {
  it('declares exactly the inputs of the schema in inputs.ts, in the same order', () => {
    expect(action.inputs.map(i => i.name)).toEqual(INPUTS.map(i => i.name))
  })

  it.each(INPUTS.map(i => [i.name, i] as const))(
    '%s has the default and required flag of the schema',
    (name, spec) => {
      const declared = action.inputs.find(i => i.name === name)
      expect(declared).toBeDefined()
      expect(declared?.default).toBe(spec.default)
      expect(declared?.required).toBe(spec.required)
    }
  )

  it('declares exactly the outputs main writes', () => {
    expect(action.outputs.map(o => o.name)).toEqual([...OUTPUT_NAMES])
  })

  it('mentions masking in the description of every secret input', () => {
    for (const spec of INPUTS.filter(i => i.secret)) {
      expect(action.inputs.find(i => i.name === spec.name)?.description, spec.name).toMatch(/Masked in logs/)
    }
  })

  it('runs dist/index.js on node24 and has branding', () => {
    expect(action.doc.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.doc.branding).toEqual({ icon: expect.any(String), color: expect.any(String) })
    expect(action.doc.name).toBe('deploy-gate')
  })

  it.skipIf(!existsSync(SPEC_PATH))('has the input and output names of SPEC §3 and §4', () => {
    const spec = readFileSync(SPEC_PATH, 'utf8')
    const inputs = specNames(spec, '3.', '4.')
    const outputs = specNames(spec, '4.', '5.')
    expect(inputs.length).toBeGreaterThan(20)
    expect([...action.inputs.map(i => i.name)].sort()).toEqual([...inputs].sort())
    expect([...action.outputs.map(o => o.name)].sort()).toEqual([...outputs].sort())
  })
})

describe('README tables', () => {
  it('match action.yml (run `node scripts/readme-tables.mjs` after changing action.yml)', () => {
    const { readme, actionYml, example } = readRepoFiles()
    expect(updateReadme(readme, actionYml, example)).toBe(readme)
  })

  it('list every input and output in README.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    for (const { name } of [...action.inputs, ...action.outputs]) expect(readme).toContain(`| \`${name}\` |`)
  })

  it('are checked by the script: --check fails on drift and passes once regenerated', () => {
    const root = mkdtempSync(join(tmpdir(), 'readme-tables-'))
    mkdirSync(join(root, '.github', 'workflows'), { recursive: true })
    for (const file of ['README.md', 'action.yml', '.github/workflows/deploy-example.yml']) {
      cpSync(join(ROOT, file), join(root, file))
    }
    const script = (...args: string[]): number | null =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'readme-tables.mjs'), ...args], {
        env: { ...process.env, README_TABLES_ROOT: root },
        encoding: 'utf8'
      }).status
    expect(script('--check')).toBe(0)

    writeFileSync(
      join(root, 'action.yml'),
      ACTION_YML.replace('description: The ledger branch.', 'description: The branch that holds the ledger.')
    )
    expect(script('--check')).toBe(1)
    expect(script()).toBe(0)
    expect(script('--check')).toBe(0)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(
      '| `evidence-branch` | `deploy-evidence` | The branch that holds the ledger. |'
    )
  })

  it('render defaults, required inputs and pipes in descriptions', () => {
    const yml = [
      'inputs:',
      '  a:',
      "    description: 'one | two'",
      '    required: true',
      '  b:',
      '    description: Bee.',
      "    default: '${{ github.token }}'",
      'outputs:',
      '  c:',
      '    description: >-',
      '      folded',
      '      text',
      ''
    ].join('\n')
    const readme =
      'x\n<!-- inputs:start -->\nold\n<!-- inputs:end -->\n<!-- outputs:start -->\n<!-- outputs:end -->\n'
    expect(updateReadme(readme, yml)).toBe(
      [
        'x',
        '<!-- inputs:start -->',
        '| input | default | description |',
        '|---|---|---|',
        '| `a` | **required** | one \\| two |',
        '| `b` | `${{ github.token }}` | Bee. |',
        '<!-- inputs:end -->',
        '<!-- outputs:start -->',
        '| output | description |',
        '|---|---|',
        '| `c` | folded text |',
        '<!-- outputs:end -->',
        ''
      ].join('\n')
    )
    expect(() => updateReadme('no markers', yml)).toThrow(/<!-- inputs:start -->/)
  })
})

describe('the YAML reader of action.yml', () => {
  it.runIf(jsYaml !== null)(
    'reads action.yml as a YAML library does (js-yaml, every scalar a string)',
    () => {
      expect(parseYamlSubset(ACTION_YML)).toEqual(
        jsYaml!.load(ACTION_YML, { schema: jsYaml!.FAILSAFE_SCHEMA })
      )
    }
  )

  it.each([
    ['a list', 'a:\n  - b\n', /expected "key: value"/],
    ['a flow mapping', 'a: {b: c}\n', /unsupported YAML construct/],
    ['a tab in the indentation', 'a:\n\tb: c\n', /tabs/],
    ['a duplicate key', 'a: b\na: c\n', /duplicate key: a/],
    ['an unquoted colon', 'a: b: c\n', /plain scalar may not contain/],
    ['an anchor', 'a: &x b\n', /unsupported YAML construct/],
    ['an unterminated quote', "a: 'b\n", /single-quoted/]
  ])('rejects %s', (_name, text, error) => {
    expect(() => parseYamlSubset(text)).toThrow(error)
  })

  it('reads quoted scalars, comments and literal blocks', () => {
    expect(parseYamlSubset("a: 'it''s' # note\nb: \"x\\ty\"\nc: |\n  one\n  two\nd: plain # c\n")).toEqual({
      a: "it's",
      b: 'x\ty',
      c: 'one\ntwo\n',
      d: 'plain'
    })
  })
})
