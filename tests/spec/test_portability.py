"""A generator nobody here wrote (openapi-python-client) accepts the spec without a warning."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.spec import SPEC_PATH, iter_operations, load_spec


def test_openapi_python_client_generates_a_client(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    output = tmp_path / "client"
    result = subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(SPEC_PATH),
            "--output-path",
            str(output),
            "--meta",
            "none",
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    generated = {path.stem for path in (output / "api").rglob("*.py")}
    expected = {operation.operation_id for operation in iter_operations(load_spec())}
    assert expected <= generated
