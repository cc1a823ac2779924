// Decodes a pipeline file's bytes as editors and shells write them: UTF-8, with or without a byte-order mark, or
// UTF-16 when it starts with a UTF-16 one (Windows PowerShell 5 writes `>` redirections that way).

/** The file's text, its byte-order mark dropped. */
export function decodeTextFile(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
