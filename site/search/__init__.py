"""Chinese search for every indexed model: one tokenizer at index and query time."""

# Registers the system check that keeps plain SearchFields off this project's models.
from . import checks  # noqa: F401
