/**
 * Builders for the tickets a Jira stand-in serves: a key, a creation time and the status moves and edits of
 * its history, oldest first. Plain data, no test framework: the demo and the bench use them under plain Node.
 *
 *   ticket('PAY-1').created('2024-06-01T08:00:00Z').moved('To Do', 'Approved', '2024-06-02T09:00:00Z')
 */

export interface ChangeItemDef {
  field: string
  fieldtype: 'jira' | 'custom'
  fieldId: string
  fromString: string | null
  toString: string | null
}

export interface HistoryDef {
  /** ISO 8601 (any offset). */
  at: string
  author: string
  items: ChangeItemDef[]
}

export interface TicketDef {
  key: string
  project: string
  summary: string
  createdAt: string
  status: string
  /** When the issue was resolved (Jira's `resolutiondate`); null or absent while unresolved. */
  resolvedAt?: string | null
  /** Oldest first. */
  histories: HistoryDef[]
}

export class TicketBuilder {
  readonly key: string
  private summary: string
  private createdAt = '2024-01-01T00:00:00.000Z'
  private status = 'To Do'
  private readonly histories: HistoryDef[] = []
  private author = 'Jira Admin'
  private resolvedAt: string | null = null

  constructor(key: string) {
    if (!/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/.test(key)) throw new Error(`not a Jira issue key: ${key}`)
    this.key = key
    this.summary = `Work for ${key}`
  }

  titled(summary: string): this {
    this.summary = summary
    return this
  }

  created(at: string): this {
    this.createdAt = at
    return this
  }

  /** The status the ticket was created in (before any move); default `To Do`. */
  initially(status: string): this {
    if (this.histories.length > 0) throw new Error('initially() must come before moved()')
    this.status = status
    return this
  }

  by(author: string): this {
    this.author = author
    return this
  }

  /** A workflow transition. `from` must be the status the ticket is in, so histories stay coherent. */
  moved(from: string, to: string, at: string): this {
    if (from !== this.status) throw new Error(`${this.key} is in '${this.status}', not '${from}'`)
    this.histories.push({
      at,
      author: this.author,
      items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', fromString: from, toString: to }]
    })
    this.status = to
    return this
  }

  /** Jira's resolution date: set when the ticket was resolved (its status move is separate). */
  resolved(at: string): this {
    this.resolvedAt = at
    return this
  }

  /** A change of some other field (counts toward the changelog's length, not a status move). */
  edited(field: string, at: string, from: string | null = null, to: string | null = 'changed'): this {
    const custom = /^customfield_/.test(field)
    this.histories.push({
      at,
      author: this.author,
      items: [
        { field, fieldtype: custom ? 'custom' : 'jira', fieldId: field, fromString: from, toString: to }
      ]
    })
    return this
  }

  /** `count` edits of `summary`, one minute apart starting at `from`: long changelogs for paging tests. */
  editedMany(count: number, from: string): this {
    const start = Date.parse(from)
    for (let i = 0; i < count; i++) {
      this.edited('summary', new Date(start + i * 60_000).toISOString(), `v${i}`, `v${i + 1}`)
    }
    return this
  }

  build(): TicketDef {
    return {
      key: this.key,
      project: this.key.slice(0, this.key.lastIndexOf('-')),
      summary: this.summary,
      createdAt: this.createdAt,
      status: this.status,
      resolvedAt: this.resolvedAt,
      histories: [...this.histories].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    }
  }
}

export function ticket(key: string): TicketBuilder {
  return new TicketBuilder(key)
}
