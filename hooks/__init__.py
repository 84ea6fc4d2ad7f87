"""The annotated news archive's build hooks and tools (see hooks/archive/)."""
