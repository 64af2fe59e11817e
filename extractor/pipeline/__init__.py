"""The stages of one extraction, in order: document, chunking, gating, prompting,
drafts (the model's answer), resolution into records, inference, merging, result;
``engine`` drives them."""
