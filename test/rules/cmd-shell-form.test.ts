import { cmdShellForm } from '../../server/src/engine/rules/cmd-shell-form';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(cmdShellForm, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]'),
    // ../shared/corpus/GoogleCloudPlatform__microservices-demo__src_emailservice_Dockerfile: spaces inside the brackets.
    dockerfile('FROM python:3.12-alpine', 'ENTRYPOINT [ "python", "email_server.py" ]'),
    // ../shared/corpus/ramishj__pdf-rag-assistant__Dockerfile: exec form that runs a shell on purpose.
    dockerfile('FROM python:3.10-slim', 'CMD ["sh", "-c", "streamlit run app.py ${PORT:+--server.port=$PORT} --server.address=0.0.0.0"]'),
    // `exec` already hands PID 1 to the program.
    dockerfile('FROM python:3.12-slim', 'CMD exec gunicorn --bind 0.0.0.0:$PORT app:app'),
    // An explicit SHELL says the shell is wanted (BuildKit's JSONArgsRecommended accepts it too).
    dockerfile('FROM python:3.12-slim', 'SHELL ["/bin/bash", "-c"]', 'CMD gunicorn app:app'),
    // Windows images (../shared/corpus/docker-library__python__3.14_windows_windowsservercore-ltsc2022_Dockerfile uses powershell).
    dockerfile('FROM python:3.11.4-windowsservercore', 'CMD python main.py'),
    // ../shared/corpus/microsoft__vscode-containers__extensions_vscode-containers_resources_templates_python_Dockerfile.template
    dockerfile('FROM python:3.12-slim', 'CMD {{{ toQuotedArray pythonCmdParts }}}'),
    // A HEALTHCHECK's CMD is not the container's command.
    dockerfile('FROM python:3.12-slim', 'HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1', 'CMD ["python", "app.py"]'),
  ],
  invalid: [
    {
      // ../shared/corpus/tahsina-azam__Graphys-ML-Backend__Dockerfile
      code: dockerfile('FROM python:3-alpine3.11', 'EXPOSE 5000', 'CMD flask --app app run -h 0.0.0.0 -p 5000'),
      lines: [3],
      message: 'shell form',
      output: dockerfile('FROM python:3-alpine3.11', 'EXPOSE 5000', 'CMD ["flask", "--app", "app", "run", "-h", "0.0.0.0", "-p", "5000"]'),
    },
    {
      // ../shared/corpus/moby__buildkit__frontend_dockerfile_parser_testfiles_jeztah-invalid-json-single-quotes_Dockerfile
      code: "CMD ['echo','single quotes are invalid JSON']\n",
      lines: [1],
      message: 'single quotes',
      output: 'CMD ["echo", "single quotes are invalid JSON"]\n',
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ENTRYPOINT ["python", "app.py",]'),
      lines: [2],
      message: 'a trailing comma',
      output: dockerfile('FROM python:3.12-slim', 'ENTRYPOINT ["python", "app.py"]'),
    },
    {
      // ../shared/corpus/Zorbs9__Flask_API__dockerfile: text after the bracket; the intent is unclear, so no fix.
      code: 'FROM python:3.9-alpine\nCMD ["flask", "run", "--host", "0.0.0.0"]do',
      lines: [2],
      message: 'text after the closing bracket',
      output: null,
    },
    {
      // ../shared/corpus/zeevdri__celey_autoscale_framework__Dockerfile: variables need the shell; exec keeps celery as PID 1.
      code: dockerfile('FROM python:3.8-slim', 'CMD celery -A tasks worker --queues ${WORKER_QUEUE} -n ${WORKER_NAME}'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.8-slim', 'CMD ["/bin/sh", "-c", "exec celery -A tasks worker --queues ${WORKER_QUEUE} -n ${WORKER_NAME}"]'),
    },
    {
      // Assignments stay in front of exec; quotes are kept for the shell.
      code: dockerfile('FROM python:3.12-slim', 'CMD PYTHONPATH=/app python -m "my app" --port=$PORT'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'CMD ["/bin/sh", "-c", "PYTHONPATH=/app exec python -m \\"my app\\" --port=$PORT"]'),
    },
    {
      // ../shared/corpus/lucasmelniski__ZombieDice__Dockerfile: several commands: no fix.
      code: dockerfile('FROM cypress/base:10', 'CMD npm run test:search; \\', 'npm run cucumber:report'),
      lines: [2],
      output: null,
    },
    {
      // ../shared/corpus/Mounish137__Build-python-container__Dockerfile: with an ENTRYPOINT, CMD's words become its arguments.
      code: dockerfile('from ubuntu:22.04', 'cmd pwd', 'entrypoint [ "python3", "-s"]'),
      lines: [2],
      unsafe: true,
      output: dockerfile('from ubuntu:22.04', 'cmd ["pwd"]', 'entrypoint [ "python3", "-s"]'),
    },
    {
      // An ENTRYPOINT with a CMD in its stage starts receiving the CMD in exec form.
      code: dockerfile('FROM python:3.12-slim', 'ENTRYPOINT python app.py', 'CMD ["--debug"]'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'ENTRYPOINT ["python", "app.py"]', 'CMD ["--debug"]'),
    },
    {
      // A command on continuation lines becomes one line.
      code: dockerfile('FROM python:3.12-slim', 'CMD gunicorn \\', '    --workers 4 \\', '    app:app'),
      lines: [2],
      output: dockerfile('FROM python:3.12-slim', 'CMD ["gunicorn", "--workers", "4", "app:app"]'),
    },
    {
      // A comment line inside the continuation would be lost: reported without a fix.
      code: dockerfile('FROM python:3.12-slim', 'CMD gunicorn \\', '    # four workers', '    --workers 4 app:app'),
      lines: [2],
      output: null,
    },
  ],
});
