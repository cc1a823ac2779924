// Says what a failed file-system call means for a person ("a file is in the way", "the disk is full"), code kept.

const REASONS: Record<string, string> = {
  ENOTDIR: 'a file is in the way where a folder is needed',
  EISDIR: 'a folder is in the way where a file is needed',
  EEXIST: 'something already exists there',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the path is too long',
};

/** The reason and its code for a known error (`permission denied [EACCES]`), else the error's own message. */
export function fileErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ? REASONS[code] : undefined;
  return reason ? `${reason} [${code}]` : (error as Error).message;
}

/**
 * "cannot open /out: a folder is in the way where a file is needed [EISDIR]" for an error a file-system call threw
 * about a path (most often one the user gave, such as --out); undefined for any other error.
 */
export function fileErrorMessage(error: unknown): string | undefined {
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof code !== 'string' || typeof syscall !== 'string' || typeof path !== 'string') return undefined;
  return `cannot ${syscall} ${path}: ${fileErrorText(error)}`;
}
