"""What carries the calls: providers, retrying, the result cache, the event loop,
and the embedded llama.cpp model (``local``)."""
