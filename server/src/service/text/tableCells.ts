// Cells of a table row written with bars, in legal text (`Term | means …`, Markdown tables) and
// in collations (`Party | Response | Working Group Comments`).

/** Split a table row into cells with their columns, dropping Markdown's outer pipes. */
export function tableCells(text: string, from: number): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let start = from;
  for (let i = from; i <= text.length; i++) {
    if (i === text.length || text[i] === '|') {
      const raw = text.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      cells.push({ text: raw.trim(), start: start + lead });
      start = i + 1;
    }
  }
  if (cells.length && cells[0].text === '' && text.slice(from).trimStart().startsWith('|')) cells.shift();
  if (cells.length && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}
