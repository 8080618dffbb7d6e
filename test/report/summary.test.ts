import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeText } from '../../src/report/escape.js'
import { SUMMARY_BUDGET, renderSummary, type SummaryInput } from '../../src/report/summary.js'
import { aBot, aCheck, anApproval, aPullRequest, aUser, at, changeSet, sha } from '../support/builders.js'
import { aDecision, aFailure, aResult, aVerdict } from './decisions.js'

const RECORD_ID = 'c0ffee'.repeat(10) + 'beef'

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  const facts = overrides.facts === undefined ? changeSet() : overrides.facts
  return {
    decision: aDecision(),
    facts,
    recordId: RECORD_ID,
    environment: 'production',
    sha: facts?.sha ?? sha('deployed'),
    mode: 'enforce',
    warnings: [],
    emergency: null,
    serverUrl: 'https://github.example',
    ...overrides
  }
}

const HOSTILE = {
  title:
    '<img src=x onerror=alert(1)> | col | [link](javascript:alert(1)) @org/team **bold** `tick` _u_ ~~s~~',
  login: 'mallory</td><td>approved',
  check: '</td></tr><tr><td>✅ fake | row',
  status: 'Approved <script>alert(1)</script>',
  justification:
    'Outage INC-1\n\n# Fake heading\n<script>alert(1)</script> @security-team please [click](https://evil.example)',
  detail: 'ticket status "<b>Approved</b>" | not in the set\n\n| injected | table |'
}

function hostileInput(): SummaryInput {
  const pr = aPullRequest({
    number: 7,
    title: HOSTILE.title,
    url: 'javascript:alert(1)',
    author: aUser(HOSTILE.login),
    mergedBy: '@org/admins',
    checks: [aCheck({ name: HOSTILE.check, conclusion: 'failure' })],
    headRefName: 'feature/<b>x</b>'
  })
  return input({
    facts: changeSet([pr]),
    decision: aDecision({
      decision: 'allow',
      reasons: ['ticket-not-approved'],
      results: [
        aFailure({
          pullRequest: 7,
          rule: 'ticket-approved',
          code: 'ticket-not-approved',
          detail: HOSTILE.detail
        })
      ],
      pullRequests: [
        aVerdict({
          number: 7,
          approvals: [{ login: HOSTILE.login, submittedAt: at(10), commitSha: '<svg onload=alert(1)>' }],
          ticket: { key: 'PAY-7', url: 'javascript:alert(2)', status: HOSTILE.status, approvedAt: null }
        })
      ],
      emergency: { actor: 'alice', justification: HOSTILE.justification, bypassed: ['ticket-not-approved'] }
    }),
    emergency: {
      actor: 'alice',
      justification: HOSTILE.justification,
      followUp: { url: 'https://github.example/acme/shop/issues/99', dueAt: '2024-06-04T10:00:00.000Z' }
    }
  })
}

const ALLOWED_TAGS = new Set([
  'h2',
  'h3',
  'p',
  'b',
  'code',
  'a',
  'table',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'br'
])

/** Every `<` in the summary opens or closes a tag the renderer writes, with only its own attributes. */
function expectOnlyOwnMarkup(summary: string): void {
  const tags = [...summary.matchAll(/<(\/?)([a-z0-9]+)((?:\s+[a-z]+="[^"]*")*)\s*>/g)]
  expect(tags.length).toBe(summary.split('<').length - 1)
  for (const [, , name, attributes] of tags) {
    expect(ALLOWED_TAGS).toContain(name)
    for (const [, attr, value] of attributes!.matchAll(/([a-z]+)="([^"]*)"/g)) {
      if (attr === 'href') expect(value).toMatch(/^https?:\/\//)
      else expect([attr, value]).toEqual(['align', 'left'])
    }
  }
}

/** The summary's blocks: each is HTML, or the emergency alert, so Markdown never reads untrusted text. */
function expectHtmlBlocks(summary: string): void {
  for (const block of summary.trim().split(/\n\s*\n/)) {
    expect(block.startsWith('<') || block.startsWith('> [!CAUTION]\n> **EMERGENCY'), block).toBe(true)
  }
}

describe('renderSummary', () => {
  it('shows a clean allow: decision, commit, record, the change set and the passing rules', () => {
    const summary = renderSummary(input())
    const firstBlock = summary.split('\n\n')[0]!
    expect(firstBlock).toContain('<h2>deploy-gate: ✅ ALLOWED — production</h2>')
    expect(firstBlock).toContain(
      `Commit <a href="https://github.example/acme/shop/commit/${sha('merge of #1')}"><code>${sha('merge of #1').slice(0, 7)}</code></a>`
    )
    expect(firstBlock).toContain(`record <code>${RECORD_ID}</code>`)
    expect(firstBlock).toContain('range <code>incremental</code>')
    expect(firstBlock).not.toContain('Failing')
    expect(summary).toContain('1 commit in 1 pull request into <code>main</code>')
    expect(summary).toContain(
      '<tr><td><a href="https://github.example.test/acme/shop/pull/1">&#35;1</a></td>' +
        '<td>PAY&#45;1 Fix rounding of refunds</td><td>alice</td><td>2024-06-03 10:30:00 UTC by bob</td>' +
        `<td>bob at 2024-06-03 10:10:00 UTC on <code>${sha('commit').slice(0, 7)}</code></td>` +
        '<td>✅ build (success)</td>' +
        '<td><a href="https://jira.example.test/browse/PAY-1">PAY&#45;1</a> (Approved, approved 2024-06-02 09:00:00 UTC)</td></tr>'
    )
    expect(summary).toContain('0 results failing, 0 results with warnings, 2 results passing.')
    expect(summary).toContain('<details><summary>Passing rules (2)</summary>')
    expect(summary).not.toContain('[!CAUTION]')
    expectOnlyOwnMarkup(summary)
    expectHtmlBlocks(summary)
  })

  it('puts a block, its reasons and the failing rules before anything else', () => {
    const summary = renderSummary(
      input({
        decision: aDecision({
          decision: 'block',
          reasons: ['insufficient-approvals', 'ci-failed'],
          results: [
            aResult({ rule: 'ci' }),
            aFailure(),
            aFailure({
              rule: 'ci',
              code: 'ci-failed',
              pullRequest: null,
              commit: sha('deployed'),
              detail: 'build failed.'
            })
          ]
        }),
        warnings: ['rubber-stamp-suspected', 'ledger-unprotected', 'rubber-stamp-suspected']
      })
    )
    expect(summary.startsWith('<h2>deploy-gate: ⛔ BLOCKED — production</h2>')).toBe(true)
    expect(summary).toContain(
      '<p><b>Failing:</b> <code>insufficient&#45;approvals</code>, <code>ci&#45;failed</code></p>'
    )
    expect(summary).toContain(
      '<p><b>Warnings:</b> <code>rubber&#45;stamp&#45;suspected</code>, <code>ledger&#45;unprotected</code></p>'
    )
    const rules = summary.slice(summary.indexOf('<h3>Rules</h3>'))
    expect(rules).toContain('2 results failing, 0 results with warnings, 1 result passing.')
    const failing = rules.slice(0, rules.indexOf('<details>'))
    expect(failing).toContain(
      '<tr><td>❌ fail</td><td><code>independent&#45;approvals</code></td><td>#1</td>' +
        '<td><code>insufficient&#45;approvals</code></td><td>&#35;1 has 0 independent approvals, 1 required.</td></tr>'
    )
    expect(failing).toContain(`<td>commit <code>${sha('deployed').slice(0, 7)}</code></td>`)
    expect(failing.indexOf('insufficient&#45;approvals')).toBeLessThan(failing.indexOf('ci&#45;failed'))
  })

  it('says a block in report mode does not fail the step', () => {
    const summary = renderSummary(
      input({ mode: 'report', decision: aDecision({ decision: 'block', reasons: ['ci-failed'] }) })
    )
    expect(summary).toContain('mode <code>report</code> (reported only: the step does not fail)')
  })

  it('makes an emergency impossible to miss: who, why, what was bypassed and the follow-up', () => {
    const summary = renderSummary(
      input({
        decision: aDecision({
          reasons: ['insufficient-approvals', 'ci-failed'],
          results: [aFailure(), aFailure({ rule: 'ci', code: 'ci-failed' })],
          emergency: {
            actor: 'alice',
            justification: 'Payment outage INC-4211: card charges fail since 09:12',
            bypassed: ['insufficient-approvals', 'ci-failed']
          }
        }),
        emergency: {
          actor: 'alice',
          justification: 'Payment outage INC-4211: card charges fail since 09:12',
          followUp: { url: 'https://github.example/acme/shop/issues/99', dueAt: '2024-06-04T10:00:00.000Z' }
        }
      })
    )
    const blocks = summary.split('\n\n')
    expect(blocks[0]).toContain('<h2>deploy-gate: 🚨 EMERGENCY ALLOW — production</h2>')
    expect(blocks[0]).toContain('<b>Failing, bypassed by the emergency override:</b>')
    expect(blocks[1]).toBe(
      '> [!CAUTION]\n> **EMERGENCY DEPLOY: change-management rules were bypassed.** 2 rules bypassed; a retrospective is due by 2024-06-04 10:00:00 UTC.'
    )
    expect(blocks[2]).toContain('<tr><th align="left">Invoked by</th><td>alice</td></tr>')
    expect(blocks[2]).toContain(
      '<tr><th align="left">Justification</th><td>Payment outage INC&#45;4211&#58; card charges fail since 09&#58;12</td></tr>'
    )
    expect(blocks[2]).toContain(
      '<tr><th align="left">Bypassed rules</th><td><code>insufficient&#45;approvals</code>, <code>ci&#45;failed</code></td></tr>'
    )
    expect(blocks[2]).toContain(
      '<tr><th align="left">Follow-up</th><td><a href="https://github.example/acme/shop/issues/99">https&#58;//github.example/acme/shop/issues/99</a>, due 2024-06-04 10:00:00 UTC</td></tr>'
    )
    expectHtmlBlocks(summary)
  })

  it('says when the follow-up could not be opened', () => {
    const summary = renderSummary(
      input({
        decision: aDecision({ emergency: { actor: 'alice', justification: 'x'.repeat(30), bypassed: [] } }),
        warnings: ['follow-up-not-opened'],
        emergency: {
          actor: 'alice',
          justification: 'x'.repeat(30),
          followUp: { url: null, dueAt: '2024-06-04T10:00:00Z' }
        }
      })
    )
    expect(summary).toContain('0 rules bypassed; a retrospective is due by 2024-06-04 10:00:00 UTC.')
    expect(summary).toContain(
      '<b>not opened</b> (see the <code>follow&#45;up&#45;not&#45;opened</code> warning)'
    )
  })

  it('shows a refused emergency as a block, with why', () => {
    const summary = renderSummary(
      input({
        decision: aDecision({
          decision: 'block',
          reasons: ['emergency-not-allowed'],
          results: [
            aFailure({
              rule: 'emergency',
              code: 'emergency-not-allowed',
              pullRequest: null,
              commit: sha('x')
            })
          ],
          emergency: null
        }),
        emergency: {
          actor: 'mallory',
          justification: 'Trust me, this is really urgent stuff',
          followUp: null
        }
      })
    )
    expect(summary.startsWith('<h2>deploy-gate: ⛔ BLOCKED')).toBe(true)
    expect(summary).toContain('> **EMERGENCY OVERRIDE REFUSED.**')
    expect(summary).toContain('<tr><th align="left">Invoked by</th><td>mallory</td></tr>')
    expect(summary).toContain('<tr><th align="left">Bypassed rules</th><td>none (override refused)</td></tr>')
    expect(summary).toContain('<th align="left">Why refused</th>')
  })

  it('reports a run without facts and without a record', () => {
    const summary = renderSummary(
      input({
        facts: null,
        recordId: null,
        decision: aDecision({
          decision: 'block',
          reasons: ['upstream-error'],
          pullRequests: [],
          results: [
            aFailure({
              rule: 'facts',
              code: 'upstream-error',
              pullRequest: null,
              commit: null,
              detail: 'GitHub: 502'
            })
          ]
        })
      })
    )
    expect(summary).toContain('record <b>not appended</b>')
    expect(summary).toContain('The change set could not be established')
    expect(summary).toContain('<td>deploy</td><td><code>upstream&#45;error</code></td>')
  })

  it('lists reported approvals as not evaluated when the gate gave no verdict for a pull request', () => {
    const facts = changeSet([
      aPullRequest({ reviews: [anApproval({ by: 'carol' })], author: aBot('renovate[bot]') })
    ])
    const summary = renderSummary(input({ facts, decision: aDecision({ pullRequests: [] }) }))
    expect(summary).toContain('<td>renovate&#91;bot&#93; (bot)</td>')
    expect(summary).toContain('carol at 2024-06-03 10:10:00 UTC (not evaluated)')
    expect(summary).toContain('<td>none</td></tr>')
  })

  it('escapes hostile titles, logins, check names, statuses, details and justifications', () => {
    const summary = renderSummary(hostileInput())
    expectOnlyOwnMarkup(summary)
    expectHtmlBlocks(summary)
    for (const raw of [
      '<img',
      '<script',
      '<svg',
      '| col |',
      '[link]',
      '](',
      '@org/team',
      '@security-team',
      '**bold**',
      '`tick`',
      '_u_'
    ]) {
      expect(summary).not.toContain(raw)
    }
    expect(summary).not.toMatch(/javascript:/i)
    expect(summary).toContain(`<td>${escapeText(HOSTILE.title, 200)}</td>`)
    expect(summary).toContain(
      '&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt; &#124; col &#124; &#91;link&#93;'
    )
    expect(summary).toContain('@&#8203;org/team')
    // Unsafe URLs are not linked: the PR number and the ticket key are shown as text.
    expect(summary).toContain('<tr><td>&#35;7</td>')
    expect(summary).toContain('<td>PAY&#45;7 (Approved &lt;script&gt;')
    // The table keeps exactly its header and one row: nothing injected a row or a cell.
    const changeTable = summary.slice(
      summary.indexOf('<h3>Change set</h3>'),
      summary.indexOf('<h3>Rules</h3>')
    )
    expect(changeTable.match(/<tr>/g)).toHaveLength(2)
    expect(changeTable.match(/<td>/g)).toHaveLength(7)
  })

  it('stays under the job summary limit for a very large change set', () => {
    const prs = Array.from({ length: 3000 }, (_, i) =>
      aPullRequest({
        number: i + 1,
        title: `<${'x'.repeat(300)}>`,
        checks: Array.from({ length: 30 }, (_, c) => aCheck({ name: `check ${c}` }))
      })
    )
    const summary = renderSummary(
      input({
        facts: changeSet(prs),
        decision: aDecision({
          results: prs.flatMap(pr => [
            aResult({ pullRequest: pr.number }),
            aResult({ pullRequest: pr.number, rule: 'ci' })
          ]),
          pullRequests: prs.map(pr => aVerdict({ number: pr.number }))
        })
      })
    )
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET)
    expect(summary).toContain('2800 more pull requests are in the evidence file.')
    expect(summary).toContain(
      '<tr><th>Rule</th><th>Passed</th></tr>\n<tr><td><code>independent&#45;approvals</code></td><td>3000</td></tr>'
    )
    expect(summary).toContain('… and 10 more')
  })
})

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => existsSync(p))

describe('renderSummary in a real HTML parser', () => {
  it.runIf(CHROMIUM !== undefined)('parses hostile text as text, never as markup', () => {
    const summary = renderSummary(hostileInput())
    const dir = mkdtempSync(join(tmpdir(), 'summary-dom-'))
    const page = join(dir, 'summary.html')
    // Our probe runs after the summary and reports what the parser built from it.
    const probe = `<script>
      const table = [...document.querySelectorAll('table')].find(t => t.rows[0]?.cells[1]?.textContent === 'Title')
      const result = {
        tags: [...new Set([...document.querySelectorAll('#summary *')].map(e => e.tagName.toLowerCase()))].sort(),
        hrefs: [...document.querySelectorAll('#summary a')].map(a => a.getAttribute('href')),
        rows: table.rows.length,
        cells: table.rows[1].cells.length,
        title: table.rows[1].cells[1].textContent,
        author: table.rows[1].cells[2].textContent
      }
      document.body.insertAdjacentHTML('beforeend', '<pre id="probe">' + btoa(unescape(encodeURIComponent(JSON.stringify(result)))) + '</pre>')
    </script>`
    writeFileSync(page, `<!doctype html><html><body><div id="summary">${summary}</div>${probe}</body></html>`)
    const run = spawnSync(
      CHROMIUM!,
      ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', `file://${page}`],
      {
        encoding: 'utf8',
        timeout: 60_000
      }
    )
    const encoded = /<pre id="probe">([A-Za-z0-9+/=]+)<\/pre>/.exec(run.stdout)?.[1]
    expect(encoded, run.stderr).toBeDefined()
    const result = JSON.parse(Buffer.from(encoded!, 'base64').toString('utf8'))
    for (const tag of result.tags) expect([...ALLOWED_TAGS, 'tbody']).toContain(tag)
    expect(result.tags).toEqual(expect.arrayContaining(['a', 'table', 'td']))
    for (const href of result.hrefs) expect(href).toMatch(/^https?:\/\//)
    expect(result.rows).toBe(2)
    expect(result.cells).toBe(7)
    // What a reader sees is exactly the title as written (only an invisible break after each `@`).
    expect(result.title.replace(/\u200b/g, '')).toBe(HOSTILE.title)
    expect(result.author).toBe(HOSTILE.login)
  })
})
