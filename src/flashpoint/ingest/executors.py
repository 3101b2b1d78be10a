"""Where batches are extracted: in-process, a local process pool, or a Dask cluster.

Each is a context manager yielding an object with `submit(fn, *args) -> future`, whose
futures have `.result()`; concurrent.futures and dask.distributed already agree on that.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager


class InProcess:
    """Runs each batch when submitted: the default, and the reference the others must match."""

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as error:
            future.set_exception(error)
        return future


class DaskClient:
    def __init__(self, client) -> None:
        self.client = client

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)  # no hashing of whole batches


@contextmanager
def executor(workers: int = 1, dask: str | None = None) -> Iterator[tuple[object, int]]:
    """The executor for these options and how many batches it works on at once."""
    if dask:
        with _dask_client(dask) as client:
            slots = sum(client.nthreads().values()) or 1
            yield DaskClient(client), slots
    elif workers > 1:
        context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield pool, workers
    else:
        yield InProcess(), 1


@contextmanager
def _dask_client(address: str):
    """A client for a scheduler address, or for a new LocalCluster when given `local:N`."""
    from dask.distributed import Client, LocalCluster

    if address.startswith("local"):
        count = int(address.partition(":")[2] or 2)
        # the scheduler's HTTP server on a free port: on 8787, the usual one, a second cluster (a
        # notebook's, another run's) would make it warn and move
        cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0")
        with cluster, Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client
