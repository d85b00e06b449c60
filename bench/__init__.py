"""Benchmarks: how fast the knowledge graph extracts, loads, answers and draws, and how that grows.

Run every benchmark with ``python -m bench [--quick] [--out bench/results]``; see
``bench/__main__.py``. Each measurement is paired with a baseline run in the same
process (plain jieba, per-row MERGE, the smallest graph ...) so that the ratios stay
meaningful on a busy machine. Everything random is drawn from seeded generators
(``bench.synth_graph``, ``bench.synth_reports``), so two runs see the same data.
"""
