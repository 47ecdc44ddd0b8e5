import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus."""
    dest = tmp_path / "input"
    shutil.copytree(CORPUS, dest, symlinks=True)
    return dest


@pytest.fixture
def settings_env(monkeypatch, tmp_path: Path, corpus: Path):
    """Point the definitions at a temp input/output, as `make ui` does through the environment."""
    from pipelines.settings import Settings

    s = Settings(input_dir=str(corpus), output_dir=str(tmp_path / "published"))
    for k, v in s.to_env().items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    return s
