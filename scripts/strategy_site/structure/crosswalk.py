"""PLACEHOLDER until the crosswalk branch lands."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Crosswalk:
    previous: str | None
    current: str
    links: dict

    def successors(self, old_id: str) -> tuple[str, ...]:
        return tuple(new for new, olds in self.links.items() if old_id in olds)

    def predecessors(self, new_id: str) -> tuple[str, ...]:
        return tuple(self.links.get(new_id, ()))


def build(previous_id, previous, current_id, current) -> Crosswalk:
    return Crosswalk(previous_id, current_id, {m.id: getattr(m, "continues", ()) for m in current.measures})


def _rows(self) -> list[dict]:
    return [
        {
            "edition": self.current,
            "measure_id": new,
            "change": "",
            "previous_edition": self.previous,
            "previous_measure_id": old,
        }
        for new, olds in self.links.items()
        for old in olds
    ]


Crosswalk.rows = _rows  # type: ignore[attr-defined]
