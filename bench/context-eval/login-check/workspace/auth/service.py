from auth.hashing import hash_password
from auth.models import User


def check_login(user: User, password: str) -> bool:
    """True when the password's hash_password with the user's salt equals user.password_hash and the user is not locked."""
    pass
