"""What leaves the pipeline for other tools: flat tables and JSON Schemas."""
