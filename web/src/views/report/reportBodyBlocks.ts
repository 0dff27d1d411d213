// The report body's Markdown as the round API gives it (`## ` level-1 and `### ` level-2
// headings, one paragraph per line) turned into blocks a template renders as text — never
// as HTML, so nothing in a department's text can inject markup.
export interface BodyBlock { kind: 'h2' | 'h3' | 'p'; text: string }

export function bodyBlocks(markdown: string): BodyBlock[] {
  const out: BodyBlock[] = []
  for (const raw of markdown.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    if (line.startsWith('### ')) out.push({ kind: 'h3', text: line.slice(4) })
    else if (line.startsWith('## ')) out.push({ kind: 'h2', text: line.slice(3) })
    else if (line.startsWith('# ')) out.push({ kind: 'h2', text: line.slice(2) })
    else out.push({ kind: 'p', text: line })
  }
  return out
}
