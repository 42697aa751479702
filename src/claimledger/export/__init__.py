"""export stage (see DESIGN.md §3)."""
