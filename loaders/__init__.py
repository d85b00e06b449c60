"""Report loading, cleaning and extraction."""
from loaders.clean import clean

__all__ = ["clean"]
