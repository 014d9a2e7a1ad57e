// Paths inside the image (WORKDIR, COPY destinations): POSIX, absolute.

/** `base` + `path`, with `.` and `..` resolved; an absolute `path` replaces `base`. */
export function joinPath(base: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${base.replace(/\/$/, '')}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
