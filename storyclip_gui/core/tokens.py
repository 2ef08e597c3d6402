"""How strong a server token must be: config refuses a weak $STORYCLIP_TOKEN by this rule."""

from __future__ import annotations

import math

_BASE64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
MIN_TOKEN_BITS = 256  # 32 random bytes, what `secrets.token_urlsafe(32)` gives


def token_bits(token: str) -> float:
    """A generous estimate of a token's entropy in bits: length × log2 of the alphabet its
    characters come from (hex, or the union of lower case, upper case, digits, other
    printable ASCII, anything else). A token with few distinct characters counts as none."""
    if not token:
        return 0.0
    if len(set(token)) < 8:
        return 0.0
    if all(c in "0123456789abcdef" for c in token) or all(c in "0123456789ABCDEF" for c in token):
        alphabet = 16
    elif (all(c in _BASE64 for c in token) and any(c.islower() for c in token)
          and any(c.isupper() for c in token)):  # fmt: skip
        alphabet = 64  # base64 / base64url output: a missing digit or '-' is chance
    else:
        alphabet = 0
        classes = (str.islower, str.isupper, str.isdigit)
        sizes = (26, 26, 10)
        ascii_chars = [c for c in token if c.isascii()]
        for test, size in zip(classes, sizes, strict=True):
            if any(test(c) for c in ascii_chars):
                alphabet += size
        if any(not c.isalnum() for c in ascii_chars):
            alphabet += 33
        if any(not c.isascii() for c in token):
            alphabet += 128
    return len(token) * math.log2(alphabet)


def weak_token_message(token: str, where: str = "STORYCLIP_TOKEN") -> str | None:
    """None for a token strong enough for the server, else a message for a person."""
    bits = token_bits(token)
    if bits >= MIN_TOKEN_BITS - 0.5:
        return None
    return (f"{where} is too weak to guard the server (about {bits:.0f} bits; at least "
            f"{MIN_TOKEN_BITS} bits, i.e. 32 random bytes, are required). Unset it to use "
            "the generated token file, or set it to the output of: python -c \"import "
            "secrets; print(secrets.token_urlsafe(32))\"")  # fmt: skip
