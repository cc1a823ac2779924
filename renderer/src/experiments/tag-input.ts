// Reads what a user typed to tag runs: `baseline` (a label) or `owner=ana` (key and value).

export function parseTagInput(text: string): Record<string, string> | null {
  const [key, ...value] = text.split('=');
  const name = key?.trim();
  return name ? { [name]: value.join('=').trim() } : null;
}
