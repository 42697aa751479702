"""run stage (see DESIGN.md §3)."""
