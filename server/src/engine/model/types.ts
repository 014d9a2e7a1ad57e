// The plain-data model every rule, refactoring and hover reads. Offsets are
// UTF-16 code-unit offsets into the document text, as JavaScript strings and
// LSP positions both count them.

export interface Span {
  start: number;
  end: number;
}

/** A word of an instruction's arguments, with quotes removed in `value`. */
export interface Token {
  value: string;
  raw: string;
  span: Span;
}

/** A `--name=value` (or bare `--name`) flag at the start of an instruction. */
export interface Flag {
  name: string;
  value: string | undefined;
  span: Span;
}

export interface Heredoc {
  delimiter: string;
  /** `<<-`: leading tabs are stripped from the body and the terminator. */
  stripTabs: boolean;
  /** Body text between the opening line and the terminator line. */
  body: string;
  /** Where the body starts in the document. */
  bodyStart: number;
  /** The body plus the terminator line. */
  span: Span;
  terminated: boolean;
}

/** Maps offsets in an instruction's joined argument text back to the document. */
export interface SourceMap {
  /** Parallel arrays: a run of `lengths[i]` characters at logical offset `logical[i]` starts at document offset `source[i]`. */
  logical: number[];
  source: number[];
  lengths: number[];
}

export interface ShellWord {
  /** The word with quotes and escapes resolved (best effort: expansions are kept as written). */
  value: string;
  raw: string;
  span: Span;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '&' | '\n' | '(' | ')';

export interface ShellCommand {
  words: ShellWord[];
  span: Span;
  /** The operator that joins this command to the one before it (undefined for the first). */
  before: ShellOperator | undefined;
  /** The operator after this command (undefined for the last). */
  after: ShellOperator | undefined;
}

export type PackageManager = 'apt' | 'apk' | 'pip' | 'uv' | 'poetry';

/** One package-manager call recognised inside a RUN, e.g. `apt-get install -y gcc`. */
export interface PackageInvocation {
  manager: PackageManager;
  /** The program as written: `apt-get`, `pip3`, `python -m pip`, `uv pip`, … */
  program: string;
  /** `install`, `update`, `add`, `sync`, … (empty when absent). */
  subcommand: string;
  command: ShellCommand;
  /** Index in `command.words` of the subcommand word (or of the last program word when absent). */
  subcommandIndex: number;
  /** Option words (`-y`, `--no-cache-dir`, `--virtual=x`), with their separate values. */
  options: ShellWord[];
  /** Package or path operands (not option values). */
  packages: ShellWord[];
  /** Values of `-r`/`--requirement` (pip, uv pip). */
  requirementFiles: ShellWord[];
}

export interface Mount {
  type: string;
  target: string | undefined;
  source: string | undefined;
  from: string | undefined;
  flag: Flag;
}

export interface RunBody {
  /** `RUN ["executable", "arg"]` */
  execForm: boolean;
  commands: ShellCommand[];
  packages: PackageInvocation[];
  mounts: Mount[];
}

export interface Instruction {
  /** Upper-case keyword: `FROM`, `RUN`, … */
  keyword: string;
  /** The keyword as written. */
  rawKeyword: string;
  keywordSpan: Span;
  /** From the keyword to the end of the last line, heredoc bodies included (no trailing newline). */
  span: Span;
  /** The arguments, continuation lines joined and comment lines inside them dropped. */
  args: string;
  /** Where `args` starts in the document (equal to span.end when there are none). */
  argsStart: number;
  map: SourceMap;
  flags: Flag[];
  /** The arguments after the flags, split on white space (quotes respected). */
  tokens: Token[];
  /** Start of the argument text after the flags, as a logical offset into `args`. */
  bodyOffset: number;
  heredocs: Heredoc[];
  /** 0-based line of the keyword, and of the last line. */
  line: number;
  endLine: number;
  /** Set for RUN. */
  run?: RunBody;
  /** Set for ENV, ARG and LABEL: the declared pairs. */
  pairs?: KeyValue[];
}

export interface KeyValue {
  key: string;
  /** undefined for `ARG NAME` without a default. */
  value: string | undefined;
  span: Span;
  keySpan: Span;
  /** `ENV key value` (no `=`), the legacy form. */
  legacy: boolean;
}

export interface Comment {
  text: string;
  span: Span;
  line: number;
}

export interface Directive {
  name: string;
  value: string;
  span: Span;
}

export interface ImageRef {
  /** As written in FROM. */
  raw: string;
  /** With `${ARG}` references replaced by their global defaults where known. */
  resolved: string;
  registry: string | undefined;
  /** e.g. `python`, `library/python`, `astral-sh/uv` */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  span: Span;
  /** The FROM names an earlier stage, not an image. */
  stage: number | undefined;
  /** An ARG could not be resolved, so parts may be unknown. */
  unresolved: boolean;
  scratch: boolean;
}

export interface Stage {
  index: number;
  name: string | undefined;
  nameSpan: Span | undefined;
  from: Instruction;
  image: ImageRef;
  platform: string | undefined;
  /** Instructions after FROM up to the next FROM. */
  instructions: Instruction[];
  span: Span;
}

export interface ParseProblem {
  message: string;
  span: Span;
}

export interface DockerfileModel {
  text: string;
  escape: string;
  directives: Directive[];
  instructions: Instruction[];
  comments: Comment[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  problems: ParseProblem[];
  /** Offsets at which each line starts. */
  lineStarts: number[];
}
