"""The `flashpoint` command. Each module in COMMAND_MODULES adds its commands through a
`register(app)` function; the commands are thin layers over the library."""

from __future__ import annotations

import sys
from importlib import import_module

import typer

from flashpoint import __version__
from flashpoint.errors import FlashpointError

# The one list of command modules: built-in commands register exactly as a plugin would.
COMMAND_MODULES = (
    "flashpoint.cli.extract",
    "flashpoint.cli.kb",
    "flashpoint.cli.store",
    "flashpoint.cli.analysis",
    "flashpoint.cli.web",
    "flashpoint.cli.bench",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"flashpoint {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="flashpoint",
        help="Sourced, queryable records of armed conflict, arms transfers and diplomacy from news text.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit.")) -> None:
        """flashpoint: who did what to whom, when, where, with which weapons, according to whom."""

    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue  # a command module not installed in this build
        module.register(app)
    return app


def main() -> None:
    try:
        build_app()(standalone_mode=True)
    except FlashpointError as error:
        typer.secho(f"error: {error}", err=True, fg="red")
        sys.exit(2)
