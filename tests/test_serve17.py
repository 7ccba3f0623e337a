"""Issue 17, item 4: ``rancang serve`` as a new user meets it.

The port is checked before anything is built; serve never deletes what ``build`` wrote; every data folder,
rancang.yaml and the templates are watched; warnings keep ``path:line:col``.
"""

from __future__ import annotations

import socket
import subprocess
import sys

from support import copy_example

GUARD = 600
"""Wall seconds after which a command is taken to hang: a guard, not a bound."""


def test_a_busy_port_is_reported_at_once_before_anything_is_built(tmp_path):
    root = copy_example(tmp_path / "proyek")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "rancang", "-C", str(root), "serve", "--port", str(port)],
                                capture_output=True, text=True, encoding="utf-8", timeout=GUARD)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"tidak dapat membuka server di 127.0.0.1:{port}" in output
    assert "--port" in output
    assert "Membangun situs" not in output  # the error comes first, not after a build
    assert "Traceback" not in output
    assert not (root / "_build" / "html").exists()  # nothing was built
