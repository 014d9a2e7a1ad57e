// Widely used PyPI packages with compiled extensions, and whether their
// current releases publish binary wheels for glibc Linux (manylinux) and for
// musl Linux (musllinux, PEP 656, the wheels Alpine can use). Without a
// matching wheel pip builds the package from source: compilers, headers and
// minutes of build time, or a failed build.
//
// TABLE DATE below says when the facts were read. Each entry names its source
// (the project's PyPI file list for the release named, or its build
// configuration) and the release the fact was read from. A package absent
// from the table is unknown, and rules stay quiet about it.

/** The month the facts in WHEELS were read. Wheel support only ever grows, so re-check `musllinux: false` entries first. */
export const TABLE_DATE = '2026-11';

export interface WheelFacts {
  /** PEP 503 normalised name. */
  name: string;
  /** Publishes manylinux (glibc) wheels for x86_64. */
  manylinux: boolean;
  /** Publishes musllinux (musl, Alpine) wheels for x86_64. */
  musllinux: boolean;
  /** A pure-Python distribution (one `py3-none-any` wheel): installs anywhere, nothing to compile. */
  pure?: boolean;
  /** The release the facts were read from. */
  release: string;
  /** Where the facts come from. */
  source: string;
  /** Extras that pull in a compiled distribution (`psycopg[binary]` → `psycopg-binary`). */
  extras?: Record<string, string>;
  note?: string;
}

/** PEP 503 normalisation: lower case, runs of `-`, `_` and `.` become one `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface Requirement {
  name: string;
  extras: string[];
  /** `==1.2.3` pins, as written; undefined otherwise. */
  pinned: string | undefined;
}

/**
 * Reads a requirement as written on a pip command line (`numpy==2.1`, `uvicorn[standard]>=0.30`).
 * Undefined for paths, URLs, archives and options.
 */
export function parseRequirement(text: string): Requirement | undefined {
  if (text.startsWith('-') || text.includes('/') || text.includes('\\') || text.includes('://') || text.startsWith('.')) return undefined;
  if (/\.(whl|tar\.gz|zip|tgz)$/i.test(text) || text.includes('$')) return undefined;
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
  if (!m) return undefined;
  const rest = m[3].split(';')[0].trim();
  if (rest && !/^[<>=!~,\s.*0-9a-zA-Z+-]*$/.test(rest)) return undefined;
  const pin = /^==\s*([0-9][^,;\s]*)$/.exec(rest);
  const extras = m[2] ? m[2].split(',').map((e) => normaliseName(e.trim())).filter(Boolean) : [];
  return { name: normaliseName(m[1]), extras, pinned: pin ? pin[1] : undefined };
}
