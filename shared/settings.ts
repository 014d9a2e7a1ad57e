// The settings schema. package.json's `contributes.configuration` mirrors it, and a test checks the mirror.

export type SeverityName = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface GenericFeatures {
  completion: boolean;
  hover: boolean;
  formatting: boolean;
  symbols: boolean;
  folding: boolean;
  rename: boolean;
  semanticTokens: boolean;
  syntaxDiagnostics: boolean;
}

export interface SlimfileSettings {
  enable: boolean;
  /** Per-rule severity override: `{ "root-user": "off" }`. */
  rules: Record<string, SeverityName>;
  /** Which of dockerfile-language-service's generic features Slimfile also provides. */
  genericFeatures: GenericFeatures;
  /** The build context directory (relative to the workspace folder, or absolute); empty: each Dockerfile's folder. */
  buildContext: string;
  /** Show the estimated image size on each final stage's FROM (inlay hint and code lens). */
  sizeEstimate: boolean;
}

export const DEFAULT_SETTINGS: SlimfileSettings = {
  enable: true,
  rules: {},
  genericFeatures: {
    completion: true,
    hover: true,
    formatting: true,
    symbols: true,
    folding: true,
    rename: true,
    semanticTokens: true,
    syntaxDiagnostics: true,
  },
  buildContext: '',
  sizeEstimate: true,
};

export interface SettingDescription {
  key: string;
  type: 'boolean' | 'object' | 'string';
  default: unknown;
  description: string;
}

/** How each generic feature is named in its setting's description. */
const GENERIC_FEATURE_NAMES: Record<keyof GenericFeatures, string> = {
  completion: 'completion',
  hover: 'keyword and variable hovers',
  formatting: 'formatting',
  symbols: 'document symbols (outline)',
  folding: 'folding ranges',
  rename: 'rename of variables and stage names',
  semanticTokens: 'semantic highlighting',
  syntaxDiagnostics: 'syntax diagnostics (dockerfile-utils)',
};

export const SETTING_DESCRIPTIONS: SettingDescription[] = [
  { key: 'slimfile.enable', type: 'boolean', default: true, description: 'Lint Dockerfiles with Slimfile.' },
  {
    key: 'slimfile.rules',
    type: 'object',
    default: {},
    description: 'Severity per rule id ("error", "warning", "info", "hint" or "off"), overriding the defaults and .slimfile.json.',
  },
  {
    key: 'slimfile.buildContext',
    type: 'string',
    default: '',
    description:
      'The build context directory, as passed to `docker build`: relative to the workspace folder, or absolute. Empty: each Dockerfile\'s own folder. Slimfile reads `.dockerignore`, requirement files, `pyproject.toml` and lock files there.',
  },
  {
    key: 'slimfile.sizeEstimate',
    type: 'boolean',
    default: true,
    description:
      'Show the estimated image size (≈, from base-image and package tables) on each final stage\'s `FROM`, as an inlay hint and a code lens, with what the suggested fixes would save.',
  },
  ...(Object.keys(GENERIC_FEATURE_NAMES) as (keyof GenericFeatures)[]).map((feature) => ({
    key: `slimfile.genericFeatures.${feature}`,
    type: 'boolean' as const,
    default: true,
    description: `Provide generic Dockerfile ${GENERIC_FEATURE_NAMES[feature]} (from dockerfile-language-service). Turn off when Docker's own extension already provides it.`,
  })),
];

/** Reads a raw settings object (from the client or a config file) into a complete, valid one. */
export function normaliseSettings(raw: unknown): SlimfileSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof SlimfileSettings, unknown>>;
  const generic = (input.genericFeatures && typeof input.genericFeatures === 'object' ? input.genericFeatures : {}) as Record<string, unknown>;
  const rules: Record<string, SeverityName> = {};
  if (input.rules && typeof input.rules === 'object') {
    for (const [id, value] of Object.entries(input.rules as Record<string, unknown>)) {
      if (value === 'error' || value === 'warning' || value === 'info' || value === 'hint' || value === 'off') rules[id] = value;
    }
  }
  const genericFeatures = { ...DEFAULT_SETTINGS.genericFeatures };
  for (const key of Object.keys(genericFeatures) as (keyof GenericFeatures)[]) {
    if (typeof generic[key] === 'boolean') genericFeatures[key] = generic[key] as boolean;
  }
  const buildContext = typeof input.buildContext === 'string' ? input.buildContext.trim() : '';
  const sizeEstimate = typeof input.sizeEstimate === 'boolean' ? input.sizeEstimate : true;
  return { enable: typeof input.enable === 'boolean' ? input.enable : true, rules, genericFeatures, buildContext, sizeEstimate };
}
