"""`tarot read --image FILE` writes the spread's picture; Pillow loads only when a picture is asked for."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from runners.cli import run


def test_read_with_image_writes_the_spread_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "spread.png"
    args = ["read", "Will it rain?", "--spread", "celtic-cross", "--seed", "4", "--image", str(target)]
    assert run([*args, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["image"] == str(target) and len(out["cards"]) == 10
    assert 0 < target.stat().st_size < 1_000_000
    with Image.open(target) as picture:
        assert picture.format == "PNG" and picture.width >= 800
        assert len(picture.convert("L").getcolors(maxcolors=1 << 16) or range(2)) > 1  # not blank


def test_the_picture_is_the_same_for_the_same_draw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    for target in (one, two):
        args = ["read", "Q?", "--seed", "9", "--deck", "thoth", "--lang", "uk", "--image", str(target)]
        assert run(args) == 0
    assert one.read_bytes() == two.read_bytes()
    assert "Traceback" not in capsys.readouterr().err


def test_an_unwritable_image_path_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "spread.png"
    assert run(["read", "Q?", "--seed", "1", "--image", str(missing)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write the picture" in err[0] and str(missing) in err[0]


def test_a_reading_without_image_never_loads_pillow() -> None:
    script = (
        "import sys\n"
        "from runners.cli import run\n"
        "assert run(['read', 'Q?', '--seed', '1', '--json']) == 0\n"
        "print('PIL' in sys.modules, 'adapters.pillow' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False False"


def test_the_container_shares_one_pillow_renderer() -> None:
    from adapters.pillow.renderer import PillowSpreadRenderer
    from runners.container import in_process

    container = in_process()
    renderer = container.core.renderer()
    assert isinstance(renderer, PillowSpreadRenderer) and container.core.renderer() is renderer
