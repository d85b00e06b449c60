"""The `kg` subcommands, one module per group of commands (registered in kg.cli)."""
