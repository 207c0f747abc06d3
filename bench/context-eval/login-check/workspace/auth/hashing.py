import hashlib

PEPPER = "k9!"


def hash_password(password: str, salt: str) -> str:
    """Hex SHA-256 of pepper, salt and password."""
    return hashlib.sha256((PEPPER + salt + password).encode()).hexdigest()
