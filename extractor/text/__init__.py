"""Pure text functions: sentences, dates, countries, quantities, cue words, grounding."""
