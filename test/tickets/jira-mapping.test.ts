import { describe, expect, it } from 'vitest'
import {
  createRedactor,
  missingKeysOf,
  statusHistory,
  toAdf,
  toIsoUtc,
  toUnformattedWiki
} from '../../src/tickets/jira.js'

describe('toIsoUtc', () => {
  it.each([
    ['2024-06-01T04:05:00.000+0000', '2024-06-01T04:05:00.000Z'],
    ['2024-06-01T04:05:00.000+0200', '2024-06-01T02:05:00.000Z'],
    ['2024-06-01T01:05:00.000-0530', '2024-06-01T06:35:00.000Z'],
    ['2024-06-01T04:05:00.000+02:00', '2024-06-01T02:05:00.000Z'],
    ['2024-06-01T04:05:00Z', '2024-06-01T04:05:00.000Z'],
    ['2024-06-01T04:05Z', '2024-06-01T04:05:00.000Z'],
    ['2024-06-01T04:05:00.123456+0000', '2024-06-01T04:05:00.123Z'],
    // Crossing midnight backwards: the UTC day is the day before.
    ['2024-06-01T00:30:00.000+0200', '2024-05-31T22:30:00.000Z']
  ])('%s → %s', (input, expected) => {
    expect(toIsoUtc(input)).toBe(expected)
  })

  it.each([
    ['2024-06-01'],
    ['2024-06-01T04:05:00'],
    ['yesterday'],
    [''],
    [42],
    [null],
    [undefined],
    ['2024-13-01T00:00:00Z']
  ])('rejects %j', input => {
    expect(toIsoUtc(input)).toBeNull()
  })

  it('accepts a Date jira.js already parsed, not an invalid one', () => {
    expect(toIsoUtc(new Date('2024-06-01T04:05:00.000Z'))).toBe('2024-06-01T04:05:00.000Z')
    expect(toIsoUtc(new Date('nope'))).toBeNull()
  })
})

describe('statusHistory', () => {
  const move = (id: string, created: string, from: string | null, to: string | null, extra: object = {}) => ({
    id,
    created,
    items: [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: '1',
        fromString: from,
        to: '2',
        toString: to,
        ...extra
      }
    ]
  })

  it('orders moves oldest first whatever order Jira used, ties by changelog id', () => {
    const histories = [
      move('30', '2024-06-03T00:00:00.000+0000', 'In Review', 'Approved'),
      move('12', '2024-06-02T00:00:00.000+0000', 'To Do', 'Blocked'),
      move('11', '2024-06-02T00:00:00.000+0000', 'Blocked', 'In Review'),
      move('5', '2024-06-02T01:00:00.000+0200', 'Backlog', 'To Do') // 2024-06-01T23:00Z
    ]
    expect(statusHistory('PAY-1', histories)).toEqual([
      { at: '2024-06-01T23:00:00.000Z', from: ['Backlog'], to: ['To Do'] },
      { at: '2024-06-02T00:00:00.000Z', from: ['Blocked'], to: ['In Review'] },
      { at: '2024-06-02T00:00:00.000Z', from: ['To Do'], to: ['Blocked'] },
      { at: '2024-06-03T00:00:00.000Z', from: ['In Review'], to: ['Approved'] }
    ])
  })

  it('keeps only status items: not other fields, not a custom field that happens to be called status', () => {
    const histories = [
      {
        id: '1',
        created: '2024-06-01T00:00:00.000+0000',
        items: [
          { field: 'summary', fieldtype: 'jira', fieldId: 'summary', fromString: 'a', toString: 'b' },
          {
            field: 'status',
            fieldtype: 'custom',
            fieldId: 'customfield_10042',
            fromString: 'x',
            toString: 'Approved'
          },
          {
            field: 'resolution',
            fieldtype: 'jira',
            fieldId: 'resolution',
            fromString: null,
            toString: 'Done'
          }
        ]
      },
      move('2', '2024-06-02T00:00:00.000+0000', 'To Do', 'Approved')
    ]
    expect(statusHistory('PAY-1', histories)).toEqual([
      { at: '2024-06-02T00:00:00.000Z', from: ['To Do'], to: ['Approved'] }
    ])
  })

  it('turns a missing from/to into an empty list, never into Object.prototype.toString', () => {
    const histories = [
      {
        id: '1',
        created: '2024-06-01T00:00:00.000+0000',
        items: [{ field: 'status', fieldtype: 'jira', fromString: null }]
      }
    ]
    expect(statusHistory('PAY-1', histories)).toEqual([{ at: '2024-06-01T00:00:00.000Z', from: [], to: [] }])
  })

  it.each([
    ['an entry that is not an object', ['x']],
    ['an entry without items', [{ id: '1', created: '2024-06-01T00:00:00.000+0000' }]],
    ['a status move without a valid time', [move('1', 'last tuesday', 'To Do', 'Approved')]]
  ])('fails on %s', (_, histories) => {
    expect(() => statusHistory('PAY-1', histories)).toThrow(/PAY-1/)
  })
})

describe('missingKeysOf', () => {
  it.each([
    [
      'the enhanced search message',
      ["An issue with key 'PAY-9' does not exist for field 'key'."],
      ['PAY-1', 'PAY-9'],
      ['PAY-9']
    ],
    [
      'several messages, both wordings',
      [
        "An issue with key 'PAY-9' does not exist for field 'key'.",
        "The issue key 'ops-2' for field 'key' is invalid."
      ],
      ['PAY-9', 'OPS-2', 'PAY-1'],
      ['PAY-9', 'OPS-2']
    ],
    ['a quoted word that is not a key asked', ["Field 'key' does not exist"], ['PAY-1'], []],
    ['a JQL syntax error', ['Error in the JQL Query: Expecting either a value'], ['PAY-1'], []]
  ])('%s', (_, errorMessages, asked, expected) => {
    expect(missingKeysOf({ errorMessages, errors: {} }, asked)).toEqual(expected)
  })

  it('reads nothing from a body that is not Jira JSON', () => {
    expect(missingKeysOf('<html>400</html>', ['PAY-1'])).toEqual([])
  })
})

describe('descriptions', () => {
  it('builds Atlassian documents whose text is never interpreted', () => {
    expect(toAdf('**bold** [x](https://evil.example) <b>\r\n\r\n\r\nnext')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '**bold** [x](' },
            {
              type: 'text',
              text: 'https://evil.example)',
              marks: [{ type: 'link', attrs: { href: 'https://evil.example)' } }]
            },
            { type: 'text', text: ' <b>' }
          ]
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'next' }] }
      ]
    })
  })

  it('keeps an empty description a valid document', () => {
    expect(toAdf('')).toEqual({ type: 'doc', version: 1, content: [] })
  })

  it('wraps v2 text in a noformat block that the text cannot close', () => {
    expect(toUnformattedWiki('a {noformat} [link|http://x] {NOFORMAT}')).toBe(
      '{noformat}\na { noformat} [link|http://x] { noformat}\n{noformat}'
    )
  })
})

describe('createRedactor', () => {
  it('removes the API token, the email:token pair and its Basic encoding', () => {
    const redact = createRedactor({ kind: 'basic', email: 'bot@example.com', apiToken: 'tok-SECRET-1' })
    const basic = Buffer.from('bot@example.com:tok-SECRET-1').toString('base64')
    expect(redact(`Basic ${basic} / bot@example.com:tok-SECRET-1 / tok-SECRET-1`)).toBe(
      'Basic *** / *** / ***'
    )
  })

  it('removes a PAT', () => {
    expect(createRedactor({ kind: 'pat', token: 'pat-SECRET-2' })('Bearer pat-SECRET-2')).toBe('Bearer ***')
  })

  it('leaves forms shorter than 4 characters alone', () => {
    // 'abc' itself is kept; its Basic encoding 'YWJj' (4 characters) is redacted.
    expect(createRedactor({ kind: 'pat', token: 'abc' })('abc YWJj')).toBe('abc ***')
  })
})
