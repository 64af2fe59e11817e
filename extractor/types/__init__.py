"""Record types: the shared parts, the base ``Record``, one module per built-in type."""
