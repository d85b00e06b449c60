"""Questions planners ask of the graph: chain gaps, link-building targets, entity profiles."""
