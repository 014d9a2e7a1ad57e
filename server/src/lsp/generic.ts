// dockerfile-language-service (completion, keyword hovers, formatting, symbols…)
// and dockerfile-utils' validator, loaded on first use: `initialize` is answered
// before their ~40 ms of module start-up.

import type { Capabilities, DockerfileLanguageService } from 'dockerfile-language-service';
import type { ValidatorSettings } from 'dockerfile-utils';

export class GenericService {
  private service: DockerfileLanguageService | undefined;
  private capabilities: Capabilities = {};

  /** `beforeLoad` runs once, right before the libraries load (to install the parse cache). */
  constructor(private readonly beforeLoad: () => void = () => undefined) {}

  setCapabilities(capabilities: Capabilities): void {
    this.capabilities = capabilities;
    this.service?.setCapabilities(capabilities);
  }

  get(): DockerfileLanguageService {
    if (!this.service) {
      this.beforeLoad();
      const { DockerfileLanguageServiceFactory } = require('dockerfile-language-service') as typeof import('dockerfile-language-service');
      this.service = DockerfileLanguageServiceFactory.createLanguageService();
      this.service.setCapabilities(this.capabilities);
    }
    return this.service;
  }
}

let syntaxSettings: ValidatorSettings | undefined;

/** dockerfile-utils checks that Slimfile's own rules cover (with fixes) are off, to avoid duplicates. */
export function slimfileSyntaxSettings(): ValidatorSettings {
  if (!syntaxSettings) {
    const { ValidationSeverity } = require('dockerfile-utils') as typeof import('dockerfile-utils');
    syntaxSettings = {
      deprecatedMaintainer: ValidationSeverity.IGNORE,
      instructionCasing: ValidationSeverity.IGNORE,
      instructionCmdMultiple: ValidationSeverity.IGNORE,
      instructionEntrypointMultiple: ValidationSeverity.IGNORE,
      instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
      instructionJSONInSingleQuotes: ValidationSeverity.IGNORE,
      instructionWorkdirRelative: ValidationSeverity.IGNORE,
    };
  }
  return syntaxSettings;
}
