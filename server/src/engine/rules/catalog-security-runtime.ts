// The security and runtime rules, in catalog order. Add a rule here when you add its file.

import { addInsteadOfCopy } from './add-instead-of-copy';
import { baseImageUnpinned } from './base-image-unpinned';
import { cmdShellForm } from './cmd-shell-form';
import { curlPipeShell } from './curl-pipe-shell';
import { devServerInCmd } from './dev-server-in-cmd';
import { missingHealthcheck } from './missing-healthcheck';
import { pythonEnvDefaults } from './python-env-defaults';
import { rootUser } from './root-user';
import { secretInArgEnv } from './secret-in-arg-env';
import { sudoInRun } from './sudo-in-run';
import type { Rule } from './types';

export const SECURITY_RUNTIME_RULES: readonly Rule[] = [rootUser, baseImageUnpinned, secretInArgEnv, addInsteadOfCopy, curlPipeShell, sudoInRun, cmdShellForm, devServerInCmd, pythonEnvDefaults, missingHealthcheck];
