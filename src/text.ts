/**
 * Untrusted text (titles, logins, check names, justifications, Jira's answers) made one line: shared by the
 * job summary and annotations, the CLI's exports and the Jira follow-ups and messages, so that each strips
 * the same characters.
 */

// C0/C1 controls and the bidirectional and zero-width formatting characters that make text read otherwise
// than it is ("Trojan Source", CVE-2021-42574).
/* eslint-disable no-control-regex -- matching control characters is the point */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
/* eslint-enable no-control-regex */

/** One line: invisible characters removed, line breaks and runs of white space made one space. */
export function flatten(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/**
 * At most `max` characters, the last one `…` when the text was cut. Cut between characters, not inside a
 * surrogate pair (untrusted text may end in an emoji).
 */
export function truncate(text: string, max: number): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

/** One line for a message: control characters and runs of white space made one space, at most `max` characters. */
export function oneLine(text: string, max: number): string {
  const line = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return truncate(line, max)
}
