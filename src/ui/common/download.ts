// Saves text as a file on the user's disk, through a link the browser downloads from.

export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // after the click has handed the file to the browser
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A worksheet file as exported: the contract's JSON, indented, so that it reads in a text editor. */
export function worksheetJson(file: unknown): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name from a worksheet's name: letters, digits and dashes, then .json. */
export function fileNameOf(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${stem || 'worksheet'}.json`;
}
