"""Credentials: password rules and hashing (argon2, zxcvbn), and the hashes under which session
tokens and attempt counters are stored. Used by the account use cases; no web here."""

from __future__ import annotations

import contextlib
import hashlib
import secrets


def token_hash(token: str) -> str:
    """Sessions are stored by hash: a copy of the database does not hand out live sessions."""
    return hashlib.sha256(token.encode()).hexdigest()


def client_key(kind: str, value: str) -> str:
    """A fixed-length key for the attempt counters (no user names or addresses stored in clear there)."""
    return f"{kind}:{hashlib.sha256(value.encode('utf-8', 'replace')).hexdigest()[:64]}"


# --- Passwords -----------------------------------------------------------------------------------

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
#: zxcvbn scores 0-4; below 2 a password falls to an online guessing attack of modest size.
MIN_STRENGTH = 2


def password_problem(password: str, username: str) -> str | None:
    """Why a new password is refused (None when it is acceptable).

    Length alone let ``password12`` and ten spaces through; zxcvbn (offline, with its own lists of
    common passwords, names and keyboard patterns) estimates how guessable it is.
    """
    if len(password) < MIN_PASSWORD:
        return f"use at least {MIN_PASSWORD} characters"
    if len(password) > MAX_PASSWORD:
        return f"use at most {MAX_PASSWORD} characters"
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        return "use printable characters only"
    name = username.strip().lower()
    if name and name in password.lower():
        return "do not use your user name in your password"
    from zxcvbn import zxcvbn

    verdict = zxcvbn(password[:100], user_inputs=[name, "backcare"])
    if int(verdict["score"]) < MIN_STRENGTH:
        warning = str(verdict["feedback"].get("warning") or "").rstrip(".")
        return "this password is too easy to guess" + (f" ({warning.lower()})" if warning else "")
    return None


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


_DUMMY_HASH: list[str] = []


def verify_password(stored: str | None, password: str) -> bool:
    """Check a password; with no account, hash anyway so timing does not reveal which names exist."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    hasher = PasswordHasher()
    if stored is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hasher.hash(secrets.token_hex(16)))
        with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
            hasher.verify(_DUMMY_HASH[0], password)
        return False
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
