"""Number formats the public reads."""

from decimal import Decimal


def amount(value):
    """A money amount without trailing zeros: 80.00 → '80', 80.50 → '80.5', 1e4 → '10000'."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text
