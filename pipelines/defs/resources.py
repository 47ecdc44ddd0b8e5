"""Resources: run settings and the table IO manager, configured from the environment."""


import dataclasses
import json
import os

import dagster as dg
import polars as pl
from upath import UPath

from pipelines.settings import Settings


class NewsfactsSettings(dg.ConfigurableResource):
    """Where to read, where to publish, which suites and model to use."""

    input_dir: str
    output_dir: str
    expectations_dir: str
    spacy_model: str
    n_process: int = 0  # 0: automatic
    batch_size: int = 64
    max_file_bytes: int

    def to_settings(self) -> Settings:
        return Settings(**{f.name: getattr(self, f.name) for f in dataclasses.fields(Settings)})


class TableIOManager(dg.ConfigurableIOManager):
    """Polars frames as Parquet (and small dicts as JSON) under the run's state folder.

    Paths go through universal-pathlib, so the state folder may be any fsspec URL.
    """

    base_dir: str

    def _run_lock(self) -> str | None:
        state = UPath(self.base_dir)
        return None if state.protocol not in ("", "file", "local") else os.path.join(state.path, "run.lock")

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        # One run at a time per output folder, whether launched from the UI, the CLI or Python:
        # a second run fails at once with "another run is already writing to ...".
        from pipelines.publish import locks

        if (lock := self._run_lock()) is not None:
            locks.acquire(lock, timeout=0)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        from pipelines.publish import locks

        if (lock := self._run_lock()) is not None:
            locks.release(lock)

    def _path(self, context) -> UPath:
        return UPath(self.base_dir) / "tables" / ("/".join(context.asset_key.path))

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        if obj is None:
            return
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(obj, pl.DataFrame):
            target = path.with_suffix(".parquet")
            if target.protocol in ("", "file", "local"):
                # Write then rename, so a killed run never leaves a half-written table.
                tmp = target.with_name(target.name + ".tmp")
                with tmp.open("wb") as fh:
                    obj.write_parquet(fh)
                os.replace(tmp.path, target.path)
            else:
                with target.open("wb") as fh:
                    obj.write_parquet(fh)
        elif isinstance(obj, dict):
            path.with_suffix(".json").write_text(json.dumps(obj, default=str, sort_keys=True))
        else:
            raise TypeError(f"TableIOManager stores polars DataFrames and dicts, not {type(obj).__name__}")

    def load_input(self, context: dg.InputContext):
        path = self._path(context)
        parquet = path.with_suffix(".parquet")
        if parquet.exists():
            with parquet.open("rb") as fh:
                return pl.read_parquet(fh)
        return json.loads(path.with_suffix(".json").read_text())


def _build() -> dg.Definitions:
    s = Settings.from_env()
    return dg.Definitions(
        resources={
            "settings": NewsfactsSettings(**dataclasses.asdict(s)),
            "io_manager": TableIOManager(base_dir=s.state_dir),
        },
        executor=executor_from_env(),
    )


ENV_EXECUTOR = "NEWSFACTS_EXECUTOR"


def executor_from_env():
    """The run's executor, from NEWSFACTS_EXECUTOR (docs/scaling.md):

    - unset or `in_process`: every step in the run's process. One step per asset costs ~2.5 s in a
      subprocess and the parse step already uses every core with its own workers, so on one
      machine this is the fastest.
    - `multiprocess` or `multiprocess:N`: steps in parallel subprocesses, at most N (default: cores).
    - `module:attribute`: any executor definition, imported only when set, e.g.
      `dagster_k8s:k8s_job_executor` or `dagster_celery_k8s:celery_k8s_job_executor`.
    """
    spec = os.environ.get(ENV_EXECUTOR, "").strip()
    if spec in ("", "in_process"):
        return dg.in_process_executor
    if spec == "multiprocess" or spec.startswith("multiprocess:"):
        n = spec.partition(":")[2]
        return dg.multiprocess_executor.configured({"max_concurrent": int(n or 0)})
    import importlib

    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


@dg.definitions
def resources() -> dg.Definitions:
    return _build()
