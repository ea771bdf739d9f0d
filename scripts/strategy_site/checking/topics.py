"""Topics (data/topics.yaml): each item's 'topics' names topics of the registry, each once; every
measure has a topic; every topic is used by some item. Which items belong to which topic is the
site's own reading of the overview."""

from __future__ import annotations

from strategy_site.reading import shape
from strategy_site.reading.load import Files, LoadedFile, problem_at
from strategy_site.reading.problems import Problem

REGISTRY = "topics"  # the schema name of data/topics.yaml


def registry(files: Files) -> list[tuple[LoadedFile, int, str]]:
    """(file, place in the list, id) for every topic of data/topics.yaml."""
    return [
        (loaded, n, ident)
        for loaded in files.get(REGISTRY, [])
        for n, entry in shape.entries(loaded.data, "topics")
        if (ident := shape.text(entry, "id")) is not None
    ]


def tagged(files: Files):
    """(file, place of the item, its topics as (place in the list, id)) for every item that lists topics,
    in every data file but the registry."""
    for name, group in files.items():
        if name == REGISTRY:
            continue
        for loaded in group:
            for where, node in shape.nodes(loaded.data):
                if isinstance(node, dict) and "id" in node and "topics" in node:
                    yield loaded, where, shape.texts(node, "topics")


def check_topics_known(files: Files) -> list[Problem]:
    """An item's 'topics' names only topics that data/topics.yaml has."""
    known = {ident for _, _, ident in registry(files)}
    return [
        problem_at(
            loaded,
            where + ("topics", i),
            f"refers to the topic '{topic}', but data/topics.yaml has no topic with that id. Check the "
            "spelling, or add the topic there with its Japanese and English name.",
        )
        for loaded, where, topics in tagged(files)
        for i, topic in topics
        if topic not in known
    ]


def check_topics_once(files: Files) -> list[Problem]:
    """An item lists each of its topics once."""
    problems = []
    for loaded, where, topics in tagged(files):
        seen: set[str] = set()
        for i, topic in topics:
            if topic in seen:
                problems.append(
                    problem_at(loaded, where + ("topics", i), f"lists the topic '{topic}' twice. Keep it once.")
                )
            seen.add(topic)
    return problems


def check_measures_have_topics(files: Files) -> list[Problem]:
    """Every measure belongs to at least one topic."""
    problems = []
    for loaded in files.get("pillar", []):
        for g, group in shape.entries(loaded.data, "groups"):
            for m, measure in shape.entries(group, "measures"):
                where = ("groups", g, "measures", m)
                if shape.texts(measure, "topics"):
                    continue
                at = where + ("topics",) if "topics" in measure else where + ("id",)
                problems.append(
                    problem_at(
                        loaded,
                        at,
                        "this measure has no topic. Add 'topics: [<id>, ...]' with the ids of the topics it "
                        "belongs to, from data/topics.yaml (every measure belongs to at least one).",
                    )
                )
    return problems


def check_topics_used(files: Files) -> list[Problem]:
    """Every topic of data/topics.yaml is used by some item (a topic page with nothing on it says nothing)."""
    used = {topic for _, _, topics in tagged(files) for _, topic in topics}
    return [
        problem_at(
            loaded,
            ("topics", n, "id"),
            f"no item uses the topic '{ident}'. Add it to the 'topics' of the items it covers, or remove the topic.",
        )
        for loaded, n, ident in registry(files)
        if ident not in used
    ]
