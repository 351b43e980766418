"""A build server for the tests: `mkdocs build` in a process forked from one that has already
imported MkDocs, Material, mkdocs-static-i18n and our plugin.

A test process starts one server (`python tests/build_server.py`, a fresh interpreter: none of
the test process's threads, logging handlers or imported hooks) and sends it one JSON request a
line: `{"cwd", "args", "env", "stdout", "stderr"}` (the folder for compiled templates is its
first argument). The server forks a child per request, which
changes to `cwd`, takes `env` as its whole environment, writes its stdout and stderr to the two
files and runs `mkdocs` with `args`, exactly as `python -m mkdocs` does; the server answers with
the child's exit status. A build then skips the interpreter's start-up and imports (~0.25 s of
CPU), and Jinja's compiled templates are kept between the server's builds (Jinja's own
FileSystemBytecodeCache: a template is recompiled when its file or source changes), which
saves about half of a small site's build. Run as a script; the tests that build in their
own process import `cache_templates` (the `template_cache` fixture).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import traceback

import jinja2
import material.plugins.search.plugin  # noqa: F401
import mkdocs.__main__
import mkdocs.commands.build
import mkdocs.theme
import mkdocs_static_i18n.plugin  # noqa: F401

import briefs_citations.plugin  # noqa: F401

_GET_ENV = mkdocs.theme.Theme.get_env  # MkDocs' own


def cache_templates(directory: str) -> None:
    """Keep Jinja's compiled templates of every theme environment in `directory` (Jinja's
    FileSystemBytecodeCache: keyed by template name and file, checked against the source)."""
    get_env = _GET_ENV

    def get_env_with_cache(self: mkdocs.theme.Theme) -> jinja2.Environment:
        env = get_env(self)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(directory)
        return env

    mkdocs.theme.Theme.get_env = get_env_with_cache


def _child(request: dict) -> int:
    """Run one build in this (forked) process; its exit status."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, path in ((0, os.devnull), (1, request["stdout"]), (2, request["stderr"])):
        flags = os.O_RDONLY if fd == 0 else os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        target = os.open(path, flags, 0o644)
        os.dup2(target, fd)
        os.close(target)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115  (not the requests)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    try:
        mkdocs.__main__.cli.main(args=request["args"], prog_name="mkdocs")
        return 0
    except SystemExit as done:
        code = done.code
        if code is None or isinstance(code, int):
            return code or 0
        print(code, file=sys.stderr)
        return 1
    except BaseException:  # as the interpreter reports an uncaught exception
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def main() -> None:
    """Serve requests from stdin until it closes; templates cached in argv[1] (or a folder of
    this server's own)."""
    own = None if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="build-server-jinja-")
    cache_templates(sys.argv[1] if len(sys.argv) > 1 else own)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    code = _child(request)
                finally:
                    os._exit(code)
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(f"{os.waitstatus_to_exitcode(status)}\n")
            sys.stdout.flush()
    finally:
        if own:
            shutil.rmtree(own, ignore_errors=True)


if __name__ == "__main__":
    main()
