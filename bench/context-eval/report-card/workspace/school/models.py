from dataclasses import dataclass, field


@dataclass
class Student:
    name: str
    scores: dict[str, float] = field(default_factory=dict)
