"""Many documents: ``batch`` runs extractions concurrently, ``runner`` converts an
archive to a resumable JSONL file."""
