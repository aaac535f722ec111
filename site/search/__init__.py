"""Chinese search for every indexed model: one tokenizer at index and query time."""
