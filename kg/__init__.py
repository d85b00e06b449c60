"""Industrial-ecosystem knowledge graph: data model, pipeline, stores and CLI."""

__version__ = "0.1.0"
