/** A table cell: pipes escaped, line breaks as <br>. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** A Mermaid Gantt chart in epoch milliseconds; GitHub renders Mermaid in job summaries. */
export function mermaidGantt(title: string, rows: readonly string[]): string {
  return ['```mermaid', 'gantt', `    title ${title}`, '    dateFormat x', '    axisFormat %H:%M:%S', ...rows, '```'].join('\n');
}
