from dataclasses import dataclass
from datetime import date


@dataclass
class Post:
    title: str
    published: date
    draft: bool = False
