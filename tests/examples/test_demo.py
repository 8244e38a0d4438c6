"""``make demo`` end to end: the sandbox on a free port and the whole quickstart journey against it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_runs_the_whole_journey() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("HEYTRADERS_")}
    # A wide console: rich wraps lines at the terminal width, and there is no terminal here.
    env["COLUMNS"] = "200"
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "run_demo.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"Dashboard URL: https://\S+/res_\w+", output), output
    assert "Received 3 signals" in output, output
    assert len(re.findall(r"^Signal [123]: ", output, flags=re.MULTILINE)) == 3, output
    assert "HEYTRADERS_API_KEY" not in output
    # The command line's act: the key saved and masked, a refused order (exit code 2).
    assert "$ heytraders market get-ticker --symbol BTC/USDT" in output, output
    assert re.search(r'"api_key": "ht_prov_…\w{4}"', output) and "(exit code 2: refused" in output, output
