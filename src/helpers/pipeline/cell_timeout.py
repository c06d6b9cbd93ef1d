"""A cell stopped by ``cell_timeout`` is recorded as that cell's error, like any other failing cell.

nbclient raises its timeout past papermill's cell loop, so papermill wrote no executed notebook at all and said
nothing of which cell it was: the build then named ``build/<name>.ipynb`` from an earlier, good run as the "debug
notebook". Here the timeout becomes an error output of the cell that ran too long: papermill stops there, marks
the run failed (``helpers.render`` refuses it), writes the failed run's notebook and raises its usual
``PapermillExecutionError`` with the cell's number. The kernel is interrupted first, so a cell that would never
end (``while True: pass``) is stopped at the limit and the kernel answers papermill's last request.
"""

from __future__ import annotations

import functools

ENGINE = "timed"
#: Seconds a kernel interrupted at ``cell_timeout`` has to answer papermill's last request before the run fails
STOPPED_GRACE = 10


def message(seconds: float) -> str:
    unit = "second" if seconds == 1 else "seconds"
    return (f"this cell ran longer than the limit of {seconds:g} {unit} and was stopped "
            "(cell_timeout in collection.toml)")


def _reply_wait(nb_client) -> float:
    """Seconds to wait for papermill's own requests (no cell): as long as a kernel may take to start, except after
    a cell was stopped at the limit, when the kernel has answered its interrupt within a few seconds or never will
    (the cell ignores Ctrl-C): then :data:`STOPPED_GRACE`, not a minute more."""
    longest = STOPPED_GRACE if getattr(nb_client, "stopped_at_limit", False) else nb_client.startup_timeout
    return max(nb_client.timeout, min(longest, nb_client.startup_timeout))


@functools.cache
def client():
    """papermill's notebook client, with a cell that runs too long turned into that cell's error."""
    import nbformat
    from jupyter_core.utils import ensure_async, run_sync
    from nbclient.exceptions import CellExecutionError, CellTimeoutError
    from papermill.clientwrap import PapermillNotebookClient

    class Timed(PapermillNotebookClient):
        def wait_for_reply(self, msg_id, cell=None):
            """The kernel's first answer (no cell) waits as long as a kernel may take to start, not the cells'
            limit: with ``cell_timeout = 1`` a busy machine made nbclient fail an internal check instead."""
            if cell is not None or not self.timeout:
                return super().wait_for_reply(msg_id, cell)
            kept, self.timeout = self.timeout, _reply_wait(self)
            try:
                return super().wait_for_reply(msg_id, cell)
            finally:
                self.timeout = kept

        async def _async_handle_timeout(self, timeout, cell=None):
            """No answer to papermill's last request: a cell that ignored the interrupt still runs (said as its
            timeout, not as nbclient's empty AssertionError)."""
            if cell is None:
                raise CellTimeoutError(f"the kernel did not answer within {timeout:g} seconds: a cell ran past "
                                       "cell_timeout and did not stop when interrupted")
            return await super()._async_handle_timeout(timeout, cell)

        def execute_cell(self, cell, cell_index, *args, **kwargs):
            try:
                return super().execute_cell(cell, cell_index, *args, **kwargs)
            except CellTimeoutError:
                # stop the cell: a busy kernel never answers papermill's next request (an empty AssertionError)
                run_sync(ensure_async)(self.km.interrupt_kernel())
                self.stopped_at_limit = True  # read by _reply_wait
                text = message(self.timeout)
                cell.outputs.append(nbformat.v4.new_output("error", ename="CellTimeout", evalue=text,
                                                           traceback=[f"CellTimeout: {text}"]))
                raise CellExecutionError(f"CellTimeout: {text}", "CellTimeout", text) from None

    return Timed


def run(nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None, start_timeout=60,
        execution_timeout=None, *, client_class=None, **kwargs):
    """What papermill's nbclient engine does, with :func:`client` (or ``client_class``, a subclass of it)."""
    import logging

    from papermill.utils import merge_kwargs, remove_args

    kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
    final = merge_kwargs(kwargs, timeout=execution_timeout, startup_timeout=start_timeout, kernel_name=kernel_name,
                         log=logging.getLogger("papermill"), log_output=log_output, stdout_file=stdout_file,
                         stderr_file=stderr_file)
    return (client_class or client())(nb_man, **final).execute()


def register() -> None:
    """Make ``engine_name="timed"`` known to papermill (once per process; a papermill without engines, such as a
    stand-in that refuses every run, is left to say so itself)."""
    try:
        from papermill.engines import NBClientEngine, papermill_engines
    except ImportError:
        return

    if ENGINE in papermill_engines._engines:
        return

    class TimedEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            return run(nb_man, kernel_name, **kwargs)

    papermill_engines.register(ENGINE, TimedEngine)
