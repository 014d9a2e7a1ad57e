import { multipleInstructions } from '../../server/src/engine/rules/multiple-instructions';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(multipleInstructions, {
  valid: [
    dockerfile('FROM alpine', 'CMD echo "Hello, Norway!"; echo "Hello, Sweden!"'),
    // The CMD inside HEALTHCHECK is part of the health check.
    dockerfile(
      'FROM python:alpine',
      'RUN apk add curl',
      'HEALTHCHECK --interval=1s --timeout=3s \\',
      '  CMD curl -f http://localhost:8080 || exit 1',
      'CMD python -m http.server 8080',
    ),
    // Each stage has its own.
    dockerfile('FROM python:3.12 AS test', 'CMD ["pytest"]', 'FROM python:3.12-slim', 'CMD ["gunicorn", "app:app"]'),
    dockerfile('FROM python:3.12-slim', 'ENTRYPOINT ["python"]', 'CMD ["app.py"]'),
    // ../shared/corpus/paperless-ngx__paperless-ngx__Dockerfile
    dockerfile(
      'FROM s6-overlay-base AS main-app',
      'ENTRYPOINT ["/init"]',
      'EXPOSE 8000',
      'HEALTHCHECK --interval=30s --timeout=10s --retries=5 CMD [ "curl", "-fs", "-S", "-L", "--max-time", "2", "http://localhost:8000" ]',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM alpine', 'CMD echo "Hello, Norway!"', 'CMD echo "Hello, Sweden!"', '# Only "Hello, Sweden!" will be printed'),
      lines: [2],
      message: 'Multiple CMD instructions',
      output: dockerfile('FROM alpine', 'CMD echo "Hello, Sweden!"', '# Only "Hello, Sweden!" will be printed'),
    },
    {
      // Continuation lines go with the instruction; the neighbours stay.
      code: dockerfile(
        'FROM python:3.12-slim',
        'COPY . /app',
        'CMD ["flask", \\',
        '     "run"]',
        '# production server',
        'CMD ["gunicorn", "app:app"]',
      ),
      lines: [3],
      output: dockerfile('FROM python:3.12-slim', 'COPY . /app', '# production server', 'CMD ["gunicorn", "app:app"]'),
    },
    {
      code: dockerfile(
        'FROM python:3.12-slim',
        'ENTRYPOINT ["python"]',
        'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
        'ENTRYPOINT ["gunicorn"]',
        'HEALTHCHECK NONE',
        'ENTRYPOINT ["uvicorn"]',
      ),
      lines: [2, 3, 4],
      output: dockerfile('FROM python:3.12-slim', 'HEALTHCHECK NONE', 'ENTRYPOINT ["uvicorn"]'),
    },
    {
      code: 'FROM alpine\r\nCMD ["a"]\r\nCMD ["b"]',
      lines: [2],
      output: 'FROM alpine\r\nCMD ["b"]',
    },
  ],
});
