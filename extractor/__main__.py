"""``python -m extractor`` runs the CLI."""

from .cli import main

main()
