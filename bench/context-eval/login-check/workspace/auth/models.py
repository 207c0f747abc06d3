from dataclasses import dataclass


@dataclass
class User:
    name: str
    salt: str
    password_hash: str
    locked: bool = False
