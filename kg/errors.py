"""Errors the CLI turns into one-line messages instead of tracebacks."""


class KGError(Exception):
    """A problem the user can act on; its message is shown as one line."""


class StoreError(KGError):
    """The graph store could not be reached, started or queried."""


class ReportError(KGError):
    """One report could not be read or processed; other reports go on."""
