"""``python -m rancang ARGS`` in real, resource-limited processes, without paying for Python's imports each time.

Run as a script, this is a small server: it imports rancang and what its commands import (Sphinx and the site's
extensions included), then reads one request per line on its standard input and, for each, forks a child that

* puts itself in a process group of its own and sets its own limits: ``RLIMIT_CPU`` (a forked child's CPU clock
  starts at zero), ``RLIMIT_AS`` and no core file;
* takes the request's working folder, environment, standard output and error files (standard input is empty);
* runs rancang's ``__main__`` module exactly as ``python -m rancang ARGS`` does.

The server answers each request with two JSON lines: ``{"pid": ...}`` once the child runs (so that a caller can
stop a child that hangs) and ``{"status": ..., "cpu": ..., "max_rss_kb": ...}`` once it has ended (``status``
as ``os.wait4`` gives it, ``cpu`` the child's user + system seconds). The server never runs a command itself,
so every child starts from the same state: rancang imported, nothing done.

Imported, this module gives :class:`WarmRancang`, the client the tests use.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# -- the server -------------------------------------------------------------------------------------------------


def _warm() -> None:
    """Import every rancang module (not ``__main__``, which would run) and the site's Sphinx extensions."""
    import importlib
    import pkgutil

    import rancang

    for module in pkgutil.walk_packages(rancang.__path__, "rancang."):
        if module.name != "rancang.__main__":
            importlib.import_module(module.name)
    import sphinx.application

    for name in sphinx.application.builtin_extensions:
        importlib.import_module(name)
    for name in ("myst_parser", "myst_parser.sphinx_ext.main", "sphinx_design", "sphinx_design.extension"):
        importlib.import_module(name)


def _child(request: dict, answers: int) -> None:
    code = 1
    try:
        os.close(answers)  # the server's line to the client is not the command's
        os.setpgid(0, 0)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_AS, (request["address_space"], request["address_space"]))
        cpu = request["cpu_seconds"]
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU at the soft limit, SIGKILL one later
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, name, flags in ((0, os.devnull, os.O_RDONLY),
                                (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
            opened = os.open(name, flags, 0o644)
            os.dup2(opened, fd)
            os.close(opened)
        import runpy

        sys.argv = ["rancang", *request["args"]]
        sys.path[0] = os.getcwd()  # as ``python -m`` has it
        try:
            runpy.run_module("rancang", run_name="__main__", alter_sys=True)  # ends with os._exit(code)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - printed as ``python -m`` would print it
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)


def serve() -> None:
    _warm()
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    answers.write(json.dumps({"ready": os.getpid()}) + "\n")
    answers.flush()
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request, answers.fileno())
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()
        _pid, status, usage = os.wait4(pid, 0)
        answers.write(json.dumps({"status": status, "cpu": usage.ru_utime + usage.ru_stime,
                                  "max_rss_kb": usage.ru_maxrss}) + "\n")
        answers.flush()


# -- the client -------------------------------------------------------------------------------------------------


@dataclass
class Ended:
    code: int | None
    """The exit code; None when a signal ended the process."""
    signal: int | None
    """The signal that ended the process (SIGXCPU: its CPU limit), or None."""
    out: str
    err: str
    cpu: float
    """CPU seconds (user + system) the process used."""
    max_rss_kb: int


class Hang(Exception):
    """The process did not end within the hang guard; it was killed."""


class WarmRancang:
    """Starts the server with ``env``; :meth:`run` runs one command. Use as a context manager."""

    def __init__(self, env: dict[str, str], start_guard: float = 300) -> None:
        self._process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         env=env, cwd="/")
        self._buffer = b""
        ready = self._line(start_guard)
        assert "ready" in ready, ready

    def __enter__(self) -> WarmRancang:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process.stdout.close()

    def _line(self, guard: float) -> dict:
        """The server's next answer; raises :class:`Hang` when none comes within ``guard`` seconds."""
        deadline = time.monotonic() + guard
        fd = self._process.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Hang
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise RuntimeError(f"the warm rancang server ended (code {self._process.wait()})")
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def run(self, cwd: Path, args: list[str], *, env: dict[str, str], output: Path, cpu_seconds: int,
            address_space: int, hang_guard: float) -> Ended:
        """Runs ``python -m rancang ARGS`` in ``cwd``; standard output and error are kept in ``output``.

        ``hang_guard`` is no bound on the command's time (its CPU limit is): a command still running after it
        is taken to hang, killed with its process group, and :class:`Hang` is raised.
        """
        out, err = output / "stdout.txt", output / "stderr.txt"
        request = {"args": args, "cwd": str(cwd), "env": env, "stdout": str(out), "stderr": str(err),
                   "cpu_seconds": cpu_seconds, "address_space": address_space}
        self._process.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
        self._process.stdin.flush()
        pid = self._line(60)["pid"]
        try:
            ended = self._line(hang_guard)
        except Hang:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._line(60)
            raise
        status = ended["status"]
        return Ended(code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                     signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                     out=out.read_text(encoding="utf-8", errors="replace"),
                     err=err.read_text(encoding="utf-8", errors="replace"),
                     cpu=ended["cpu"], max_rss_kb=ended["max_rss_kb"])


if __name__ == "__main__":
    serve()
