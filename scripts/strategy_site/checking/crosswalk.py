"""PLACEHOLDER until the crosswalk branch lands."""


def crosswalk_problems(previous_id, previous, edition_id, current, files):
    return []
