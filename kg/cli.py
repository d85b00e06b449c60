"""The `kg` command line: build, extract, eval, query, stats and the analysis commands."""
from __future__ import annotations

import logging
import pkgutil
import sys
from importlib import import_module
from typing import Any

import click

from kg import commands
from kg.errors import KGError


class _EchoHandler(logging.Handler):
    """Library notices (`logging.getLogger("kg...").warning`) as one 'warning: ...' line on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {self.format(record)}", err=True)


def _log_to_stderr() -> None:
    logger = logging.getLogger("kg")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        logger.addHandler(_EchoHandler(logging.WARNING))
    logger.propagate = False


class KGGroup(click.Group):
    """Turns known errors into one line on stderr and a non-zero exit (traceback with --verbose)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            click.echo(f"error: {type(exc).__name__}: {exc} (run with --verbose for the traceback)", err=True)
            sys.exit(1)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--verbose", "-v", is_flag=True, help="Show tracebacks on errors.")
@click.version_option(package_name="industrial-kg")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Industrial-ecosystem knowledge graph for Chinese development zones.

    \b
    Example:
      kg build ../shared/corpus
      kg stats
    """
    ctx.ensure_object(dict)["verbose"] = verbose
    _log_to_stderr()


def _register_commands() -> None:
    """Add the commands of every module under kg/commands/ that lists them in COMMANDS."""
    for info in pkgutil.iter_modules(commands.__path__):
        for command in getattr(import_module(f"{commands.__name__}.{info.name}"), "COMMANDS", ()):
            main.add_command(command)


_register_commands()
