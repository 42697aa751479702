"""store stage (see DESIGN.md §3)."""
