import { reservedStageName } from '../../server/src/engine/rules/reserved-stage-name';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(reservedStageName, {
  valid: [
    dockerfile('FROM alpine AS builder'),
    dockerfile('FROM scratch'),
    dockerfile('FROM scratch AS export'),
    dockerfile('FROM alpine AS build-context'),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile('FROM scratch AS cni-plugins-export', 'FROM scratch AS cni-plugins-export-squashed', 'COPY --from=cni-plugins-export / /'),
  ],
  invalid: [
    {
      code: dockerfile('FROM alpine AS scratch', 'FROM alpine AS context'),
      lines: [1, 2],
      message: 'is reserved',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim AS Scratch'),
      lines: [1],
      output: null,
    },
  ],
});
