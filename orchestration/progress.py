"""Progress of a long stage (fetch, parse, extract) as it goes, and its tally when it ends.

`Progress` counts documents as they are done (new, unchanged or failed) and says, at most every `interval`
seconds, how far it is: done / total, documents per second and the time left. Where the line goes is the
caller's: the Dagster assets hand it `context.log.info`, which reaches the console of `make run` and the run's
log in the UI. The clock is a parameter, so the throttling is tested without waiting.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

# a fetch also skips what it may not read (links, files too large, documents over a source's max_documents)
OUTCOMES = ("new", "unchanged", "failed", "skipped")


@dataclass(frozen=True)
class StageSummary:
    stage: str
    new: int
    unchanged: int
    failed: int
    seconds: float
    skipped: int = 0

    def as_metadata(self) -> dict:
        """For a MaterializeResult: `make run` reads these back to print its closing table."""
        return {f"stage_{key}": value for key, value in asdict(self).items() if key != "stage"}


class Progress:
    """Counts a stage's documents; `say` hears a line at most every `interval` seconds while work is done."""

    def __init__(self, stage: str, total: int | None, say: Callable[[str], None], *, interval: float = 5.0,
                 clock: Callable[[], float] = time.monotonic):
        self.stage = stage
        self.total = total
        self.say = say
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self.last_said = self.started
        self.counts = dict.fromkeys(OUTCOMES, 0)
        self.done = 0  # documents worked on, of `total`
        self.reused = 0

    def skip(self, count: int = 1) -> None:
        """Documents found unchanged without any work (reused results): tallied, outside done / total."""
        self.counts["unchanged"] += count
        self.reused += count

    def add_total(self, more: int) -> None:
        """More work discovered on the way (the next source's documents)."""
        self.total = (self.total or 0) + more

    def advance(self, outcome: str = "new", count: int = 1) -> None:
        if outcome not in self.counts:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")
        self.counts[outcome] += count
        self.done += count
        now = self.clock()
        if now - self.last_said >= self.interval:
            self.last_said = now
            self.say(self.line(now))

    def line(self, now: float | None = None) -> str:
        now = self.clock() if now is None else now
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            shown = f"{self.stage}: {self.done}/{self.total} documents ({100 * self.done / self.total:.0f}%)"
        else:
            shown = f"{self.stage}: {self.done} documents"
        shown += f", {rate:.1f} documents/s"
        if self.total and rate > 0 and self.done < self.total:
            shown += f", about {format_seconds((self.total - self.done) / rate)} left"
        if self.reused:
            shown += f" ({self.reused} unchanged, reused)"
        return shown

    def finish(self) -> StageSummary:
        return StageSummary(self.stage, self.counts["new"], self.counts["unchanged"], self.counts["failed"],
                            round(self.clock() - self.started, 2), self.counts["skipped"])


def fetch_outcome(status: str) -> str:
    """A fetch log status as an outcome: not_modified (an unchanged file, an HTTP 304) is unchanged."""
    return {"fetched": "new", "not_modified": "unchanged"}.get(status, status)


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def summary_table(summaries: list[StageSummary], step_seconds: dict[str, float] | None = None) -> str:
    """The closing screen of `make run`: one line per document stage, then the other steps' times."""
    lines = [f"{'stage':<10}{'new':>9}{'unchanged':>11}{'failed':>8}{'skipped':>9}{'seconds':>10}"]
    for s in summaries:
        lines.append(f"{s.stage:<10}{s.new:>9}{s.unchanged:>11}{s.failed:>8}{s.skipped:>9}{s.seconds:>10.1f}")
    for step, seconds in (step_seconds or {}).items():
        lines.append(f"{step:<10}{'':>9}{'':>11}{'':>8}{'':>9}{seconds:>10.1f}")
    return "\n".join(lines)
