THRESHOLDS = [(93, "A"), (85, "B"), (75, "C"), (65, "D")]


def letter_for(score: float) -> str:
    """The school's letter for a score out of 100 (F below 65)."""
    for minimum, letter in THRESHOLDS:
        if score >= minimum:
            return letter
    return "F"
