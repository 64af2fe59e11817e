"""Many documents: ``batch`` runs extractions concurrently, ``runner`` converts an
archive to a resumable JSONL file, ``processes`` runs that conversion's extractions
in worker processes (``extractor bulk --workers N``)."""
