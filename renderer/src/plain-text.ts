/** Imported files write option names in Markdown ("[MADR](…) 4.0.0", "`NNNN-title.md`"); lists and tables show the words. */
export function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]+/g, '');
}
