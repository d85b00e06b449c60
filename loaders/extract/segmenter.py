"""jieba's segmentation of one block of text, computed the way jieba computes it, with less overhead.

A block is a run of ``[CJK letters digits +#&._%-]`` (``jieba.re_han_default``): jieba
segments each such block on its own with a dictionary DAG, a best route by word
log-probability and its HMM for runs of lone characters. This module does the same
steps on the same dictionary and returns the same tokens (tests compare it with
``Tokenizer.lcut``); it only looks each candidate word up once (its log-probability goes
into the DAG, where jieba looks it up again to weigh the route), avoids jieba's generator
layers, and remembers the HMM words of a run of lone characters (the unknown names a report
repeats), which makes it about 1.5 (cold) to 2 (warm) times faster.
"""
from __future__ import annotations

from math import inf, log

import jieba
from jieba import finalseg


class BlockSegmenter:
    """Segments blocks exactly as ``tokenizer.lcut`` would."""

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        tokenizer.check_initialized()
        self._freq: dict[str, int] = tokenizer.FREQ
        self._log_total = log(tokenizer.total)
        self._unknown: dict[str, list[str]] = {}  # HMM words of runs of lone characters met so far (names recur)

    def forget(self) -> None:
        """Drop the HMM words worked out so far (benchmarks start every report cold)."""
        self._unknown.clear()

    def cut(self, block: str) -> list[str]:
        """Tokens of one block (a full match of ``jieba.re_han_default``)."""
        dag = self._dag(block)
        route = self._best_route(dag)
        return self._tokens(block, route)

    def _dag(self, block: str) -> list[list[tuple[int, float]]]:
        """For each start, the last offset and log-probability of every dictionary word starting there
        (jieba's DAG, with the probability jieba's ``calc`` gives each word: no word is looked up twice)."""
        get, n, log_total = self._freq.get, len(block), self._log_total
        unknown = -log_total  # log(1) - log(total): jieba's score of a lone character it does not know
        dag = []
        for k in range(n):
            ends = []
            i, frag = k, block[k]
            while i < n:
                count = get(frag)
                if count is None:
                    break
                if count:
                    ends.append((i, log(count) - log_total))
                i += 1
                frag = block[k : i + 1]
            dag.append(ends or [(k, unknown)])
        return dag

    @staticmethod
    def _best_route(dag: list[list[tuple[int, float]]]) -> list[int]:
        """For each start, the end of the word on the most probable path (jieba's ``calc``, same ties)."""
        n = len(dag)
        score, last = [0.0] * (n + 1), [0] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best_score, best_x = -inf, -1
            for x, p in dag[idx]:
                total = p + score[x + 1]
                if total > best_score or total == best_score and x > best_x:  # as jieba's max over (score, x)
                    best_score, best_x = total, x
            score[idx], last[idx] = best_score, best_x
        return last

    def _tokens(self, block: str, route: list[int]) -> list[str]:
        """Walk the route; runs of lone characters unknown as a whole go to the HMM (jieba's ``__cut_DAG``)."""
        out: list[str] = []
        x, run = 0, ""
        while x < len(block):
            y = route[x] + 1
            if y - x == 1:
                run += block[x]
            else:
                self._flush(run, out)
                run = ""
                out.append(block[x:y])
            x = y
        self._flush(run, out)
        return out

    def _flush(self, run: str, out: list[str]) -> None:
        if len(run) == 1:
            out.append(run)
        elif run and not self._freq.get(run):
            words = self._unknown.get(run)
            if words is None:
                words = self._unknown[run] = hmm_words(run)
            out.extend(words)
        else:
            out.extend(run)


def hmm_words(text: str) -> list[str]:
    """``list(jieba.finalseg.cut(text))``: jieba's HMM words of a run of characters it has no word for.

    Runs of ideographs go through the same Viterbi search over B/M/E/S states with the same
    probabilities, sums and ties as jieba's, unrolled over the four states; other runs split as
    jieba splits them.
    """
    if finalseg.Force_Split_Words or not finalseg.re_han.fullmatch(text):
        out: list[str] = []
        for part in finalseg.re_han.split(text):
            if finalseg.re_han.fullmatch(part):
                for word in _viterbi_words(part):
                    out.extend(word if word in finalseg.Force_Split_Words else (word,))
            else:
                out.extend(x for x in finalseg.re_skip.split(part) if x)
        return out
    return _viterbi_words(text)


_LOW = finalseg.MIN_FLOAT
_EMIT_B, _EMIT_M, _EMIT_S, _EMIT_E = (finalseg.emit_P[y].get for y in "BMSE")
_START_B, _START_M, _START_S, _START_E = (finalseg.start_P[y] for y in "BMSE")
_T_EB, _T_SB, _T_MM, _T_BM = (finalseg.trans_P[a][b] for a, b in ("EB", "SB", "MM", "BM"))
_T_SS, _T_ES, _T_BE, _T_ME = (finalseg.trans_P[a][b] for a, b in ("SS", "ES", "BE", "ME"))
_B, _M, _S, _E = range(4)


def _viterbi_words(run: str) -> list[str]:
    """Words of a run of ideographs by jieba's HMM (``finalseg.viterbi`` then ``finalseg.__cut``)."""
    c = run[0]
    v_b, v_m = _START_B + _EMIT_B(c, _LOW), _START_M + _EMIT_M(c, _LOW)
    v_s, v_e = _START_S + _EMIT_S(c, _LOW), _START_E + _EMIT_E(c, _LOW)
    back: list[tuple[int, int, int, int]] = []  # per character after the first: the best state before B, M, S, E
    for c in run[1:]:
        em = _EMIT_B(c, _LOW)  # each state keeps the better predecessor; on a tie the later letter, as jieba's
        from_e, from_s = v_e + _T_EB + em, v_s + _T_SB + em  # max() over (score, state) pairs does
        b, pb = (from_s, _S) if from_s >= from_e else (from_e, _E)
        em = _EMIT_M(c, _LOW)
        from_m, from_b = v_m + _T_MM + em, v_b + _T_BM + em
        m, pm = (from_m, _M) if from_m >= from_b else (from_b, _B)
        em = _EMIT_S(c, _LOW)
        from_s, from_e = v_s + _T_SS + em, v_e + _T_ES + em
        s, ps = (from_s, _S) if from_s >= from_e else (from_e, _E)
        em = _EMIT_E(c, _LOW)
        from_b, from_m = v_b + _T_BE + em, v_m + _T_ME + em
        e, pe = (from_m, _M) if from_m >= from_b else (from_b, _B)
        back.append((pb, pm, ps, pe))
        v_b, v_m, v_s, v_e = b, m, s, e
    state = _S if v_s >= v_e else _E
    states = [state]
    for step in reversed(back):
        state = step[state]
        states.append(state)
    states.reverse()
    words: list[str] = []
    begin = done = 0
    for i, state in enumerate(states):
        if state == _B:
            begin = i
        elif state == _E:
            words.append(run[begin : i + 1])
            done = i + 1
        elif state == _S:
            words.append(run[i])
            done = i + 1
    if done < len(run):
        words.append(run[done:])
    return words
