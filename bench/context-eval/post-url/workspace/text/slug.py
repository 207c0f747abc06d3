import re

STOP_WORDS = {"a", "an", "the", "of", "and"}


def slugify(title: str) -> str:
    """Lower-case words of the title without stop words, joined by '-'."""
    words = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in STOP_WORDS]
    return "-".join(words)
