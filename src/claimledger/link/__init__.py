"""link stage (see DESIGN.md §3)."""
